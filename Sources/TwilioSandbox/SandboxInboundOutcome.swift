/// What happened when the sandbox played a person texting or calling one of its numbers: the
/// webhook it sent as Twilio would, and what the application answered.
public struct SandboxInboundOutcome: Sendable, Hashable {
    /// The new message's or call's SID (`SM…` or `CA…`).
    public var sid: String
    /// The URL the webhook went to.
    public var url: String
    /// The parameters it carried, in the order sent.
    public var parameters: [String: String]
    /// The HTTP status the application answered, or `nil` when it did not answer.
    public var httpStatus: Int?
    /// The answer's body: the application's TwiML.
    public var twiml: String
    /// Why there was no answer, when there was none.
    public var errorMessage: String?
    /// For a call, the HTTP status the number's `StatusCallback` answered to `completed`, or
    /// `nil` when it has none or did not answer.
    public var statusCallbackHTTPStatus: Int?
}
