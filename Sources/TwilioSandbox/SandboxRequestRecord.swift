/// What the sandbox saw of one request: kept for tests that check what a client sent and when.
///
/// The record never holds the `Authorization` header; ``accountSID`` says who authenticated.
public struct SandboxRequestRecord: Sendable {
    /// The request's place in arrival order, from 0.
    public var sequenceNumber: Int
    /// The request method, such as `POST`.
    public var method: String
    /// The decoded path, such as `/2010-04-01/Accounts/AC…/Messages.json`.
    public var path: String
    /// The raw query string without `?`.
    public var query: String
    /// The form-encoded body's fields in order; empty when the body was not a form.
    public var formFields: [(name: String, value: String)]
    /// When the sandbox received the complete request, on the monotonic clock.
    public var receivedAt: ContinuousClock.Instant
    /// When the sandbox received the complete request, in seconds since 1970 (wall clock).
    public var receivedAtWallClock: Double
    /// The account whose credentials were accepted, or `nil` when authentication failed.
    public var accountSID: String?
    /// The HTTP status of the answer, or `nil` while the request is still being answered.
    public var responseStatus: Int?

    /// The value of the first form field called `name`, or `nil`.
    public func formValue(_ name: String) -> String? {
        formFields.first { $0.name == name }?.value
    }
}
