/// The connect and total timeouts of one request: the configured ones, shortened to the time
/// left before the caller's deadline.
struct RequestTimeouts: Equatable, Sendable {
    var connect: Duration
    var total: Duration

    /// Works out the timeouts for a request about to start.
    ///
    /// - Parameters:
    ///   - configuration: The configured connect and request timeouts.
    ///   - deadline: When the caller needs the answer by, if ever.
    ///   - now: The current time.
    /// - Throws: ``TwilioTransportError`` of kind ``TwilioTransportError/Kind/timedOut`` when the
    ///   deadline has already passed, so that nothing is sent.
    init(
        configuration: TwilioConfiguration,
        deadline: ContinuousClock.Instant?,
        now: ContinuousClock.Instant
    ) throws(TwilioTransportError) {
        var total = configuration.requestTimeout
        if let deadline {
            let left = deadline - now
            guard left > .zero else {
                throw TwilioTransportError(kind: .timedOut, message: "the deadline passed before the request was sent")
            }
            total = min(total, left)
        }
        self.total = total
        self.connect = min(configuration.connectTimeout, total)
    }
}
