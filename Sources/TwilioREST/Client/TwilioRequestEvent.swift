/// What the client reports to its observer after each request, for metrics.
public struct TwilioRequestEvent: Hashable, Sendable {
    /// How a request ended. Every request that was sent ends in exactly one of these.
    public enum Outcome: Hashable, Sendable {
        /// Twilio answered with this HTTP status, success or not.
        case response(httpStatus: Int)
        /// No usable answer; see ``TwilioTransportError``.
        case transportFailure(TwilioTransportError.Kind)
        /// The caller's task was cancelled first.
        case cancelled
    }

    /// The endpoint, such as `messages.create` or `messages.fetch`.
    public var endpoint: String
    /// How the request ended.
    public var outcome: Outcome
    /// The time from asking for credentials to the end of the request.
    public var duration: Duration

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - endpoint: The endpoint's name.
    ///   - outcome: How the request ended.
    ///   - duration: How long it took.
    public init(endpoint: String, outcome: Outcome, duration: Duration) {
        self.endpoint = endpoint
        self.outcome = outcome
        self.duration = duration
    }
}
