/// What the client reports to its observer after each request, for metrics.
///
/// Reported for every request the client attempts once it has credentials, including one refused
/// because its deadline had passed. A credential source that throws ends the call before that.
public struct TwilioRequestEvent: Hashable, Sendable {
    /// How a request ended. Every attempted request ends in exactly one of these.
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
    /// The time from the start of the call, fetching credentials included, to its end.
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
