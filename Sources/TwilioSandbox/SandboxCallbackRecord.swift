/// One status callback the sandbox made, kept so tests and developers can see what was sent.
public struct SandboxCallbackRecord: Sendable {
    /// How the delivery ended.
    public enum Result: Sendable, Hashable {
        /// The receiver answered with this HTTP status.
        case answered(status: Int)
        /// No answer: the URL is not `http://` or `https://`, its host is not in
        /// ``TwilioSandbox/Configuration/outboundHosts`` or is unknown, the TLS handshake failed
        /// (OpenSSL's reason included), or the connection failed or timed out; the text says
        /// which.
        case failed(String)
    }

    /// The callback's place in the order the sandbox made them, from 0.
    public var sequenceNumber: Int
    /// The URL called, without a fragment.
    public var url: String
    /// The form parameters sent, in the order sent.
    public var parameters: [(name: String, value: String)]
    /// The `X-Twilio-Signature` header sent.
    public var signature: String
    /// How the delivery ended.
    public var result: Result

    /// The value of the first parameter called `name`, or `nil`.
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }
}
