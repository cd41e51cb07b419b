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
    /// Twilio's error code, such as 21211 or 20429, when the answer was an error that had one.
    public var twilioErrorCode: Int?
    /// The time from the start of the call, fetching credentials included, to its end.
    public var duration: Duration

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - endpoint: The endpoint's name.
    ///   - outcome: How the request ended.
    ///   - twilioErrorCode: Twilio's error code, if the answer carried one.
    ///   - duration: How long it took.
    public init(endpoint: String, outcome: Outcome, twilioErrorCode: Int? = nil, duration: Duration) {
        self.endpoint = endpoint
        self.outcome = outcome
        self.twilioErrorCode = twilioErrorCode
        self.duration = duration
    }

    /// Whether Twilio answered with a rate limit: HTTP 429, or error 20429 under any status.
    public var isRateLimited: Bool {
        outcome == .response(httpStatus: 429) || twilioErrorCode == 20429
    }
}
