/// Exponential backoff with full jitter: before retry `n` (from 1), wait a random time between
/// 0 and `min(cap, base × 2^(n-1))`, or what Twilio asked for in `Retry-After` when that is longer.
struct RetryBackoff: Sendable {
    var base: Duration = .milliseconds(100)
    var cap: Duration = .seconds(3)

    /// The wait before retry number `retry`.
    func delay(beforeRetry retry: Int, retryAfter: Duration?) -> Duration {
        var random = SystemRandomNumberGenerator()
        return delay(beforeRetry: retry, retryAfter: retryAfter, using: &random)
    }

    /// The wait before retry number `retry`, drawing from `random`.
    func delay(beforeRetry retry: Int, retryAfter: Duration?, using random: inout some RandomNumberGenerator)
        -> Duration
    {
        let ceiling = min(cap, base * (1 << min(max(retry - 1, 0), 20)))
        let jittered = ceiling * Double.random(in: 0...1, using: &random)
        guard let retryAfter else {
            return jittered
        }
        return max(jittered, retryAfter)
    }
}
