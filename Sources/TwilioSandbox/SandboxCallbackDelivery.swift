/// One status callback the sandbox sent for a call.
public struct SandboxCallbackDelivery: Sendable {
    /// The URL, as given in `StatusCallback` (a `GET` adds the parameters to its query).
    public var url: String
    /// `GET` or `POST`.
    public var method: String
    /// The parameters, in the order sent.
    public var parameters: [(name: String, value: String)]
    /// The `X-Twilio-Signature` header sent with it.
    public var signature: String
    /// The HTTP status the application answered with, or `nil` when it could not be reached.
    public var httpStatus: Int?
    /// Why the callback could not be delivered, if it could not.
    public var errorMessage: String?

    /// The value of the first parameter called `name`, or `nil`.
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }
}
