/// Failures the sandbox injects on purpose, to test how a client copes with a troubled Twilio.
public struct SandboxFaults: Sendable, Hashable {
    /// The fraction (0...1) of authenticated API requests answered HTTP 429 with Twilio's
    /// 20429 body instead of being processed. Which requests get it follows a pseudo-random
    /// sequence fixed by ``seed``: the n-th request to reach the check always gets the same
    /// decision.
    public var rateLimitFraction: Double
    /// Seeds the sequence of rate-limit decisions.
    public var seed: UInt64
    /// How long the sandbox waits after receiving a request before it processes and answers
    /// it, to simulate a stalled Twilio. The request is recorded on arrival; a client that gives
    /// up during the delay leaves no message behind.
    public var responseDelay: Duration

    /// Creates a fault configuration; the default injects nothing.
    ///
    /// - Parameters:
    ///   - rateLimitFraction: The fraction of requests answered 429/20429.
    ///   - seed: Seeds the rate-limit decisions.
    ///   - responseDelay: The added delay before every answer.
    public init(rateLimitFraction: Double = 0, seed: UInt64 = 0, responseDelay: Duration = .zero) {
        self.rateLimitFraction = rateLimitFraction
        self.seed = seed
        self.responseDelay = responseDelay
    }

    /// No faults at all.
    public static let none = SandboxFaults()
}
