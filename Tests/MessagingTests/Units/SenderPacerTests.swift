import Testing

@testable import GatewayServices

@Suite("SenderPacer and RetryBackoff")
struct SenderPacerTests {
    @Test("hands out one slot per segment at the pace, per sender, without saving idle time")
    func slots() {
        let pacer = SenderPacer(messagesPerSecond: 10)
        let start = ContinuousClock.now
        let first = pacer.reserve(sender: "+1", segments: 1, now: start)
        let second = pacer.reserve(sender: "+1", segments: 3, now: start)
        let third = pacer.reserve(sender: "+1", segments: 1, now: start)
        let other = pacer.reserve(sender: "+2", segments: 1, now: start)
        #expect(first == start)
        #expect(second == start + .milliseconds(100))
        #expect(third == start + .milliseconds(400))
        #expect(other == start)

        let later = start + .seconds(10)
        #expect(pacer.reserve(sender: "+1", segments: 1, now: later) == later)
        #expect(pacer.reserve(sender: "+1", segments: 1, now: later) == later + .milliseconds(100))
    }

    @Test("a pace of 0 never waits")
    func unpaced() async throws {
        let pacer = SenderPacer(messagesPerSecond: 0)
        let start = ContinuousClock.now
        for _ in 0..<1000 {
            try await pacer.waitForSlot(sender: "+1", segments: 5)
        }
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test("backoff waits up to base × 2^(n-1), capped, and at least Retry-After")
    func backoff() {
        let backoff = RetryBackoff(base: .milliseconds(100), cap: .seconds(1))
        var random = SystemRandomNumberGenerator()
        for retry in 1...8 {
            let ceiling = min(Duration.seconds(1), .milliseconds(100) * (1 << (retry - 1)))
            for _ in 0..<50 {
                let delay = backoff.delay(beforeRetry: retry, retryAfter: nil, using: &random)
                #expect(delay >= .zero && delay <= ceiling)
            }
        }
        #expect(backoff.delay(beforeRetry: 1, retryAfter: .seconds(2), using: &random) == .seconds(2))
    }
}
