import Testing

@testable import GatewayServices

@Suite("SenderPacer and RetryBackoff")
struct SenderPacerTests {
    @Test("hands out one slot per segment at the pace, per sender, without saving idle time")
    func slots() throws {
        let pacer = SenderPacer()
        let start = ContinuousClock.now
        let oneSegment = try #require(SenderPacer.hold(segments: 1, messagesPerSecond: 10))
        let threeSegments = try #require(SenderPacer.hold(segments: 3, messagesPerSecond: 10))
        let first = pacer.reserve(sender: "+1", hold: oneSegment, now: start)
        let second = pacer.reserve(sender: "+1", hold: threeSegments, now: start)
        let third = pacer.reserve(sender: "+1", hold: oneSegment, now: start)
        let other = pacer.reserve(sender: "+2", hold: oneSegment, now: start)
        #expect(first == start)
        #expect(second == start + .milliseconds(100))
        #expect(third == start + .milliseconds(400))
        #expect(other == start)

        let later = start + .seconds(10)
        #expect(pacer.reserve(sender: "+1", hold: oneSegment, now: later) == later)
        #expect(pacer.reserve(sender: "+1", hold: oneSegment, now: later) == later + .milliseconds(100))
    }

    @Test("sends that wake late do not catch up in a burst: each waits for the last real send's hold")
    func lateWakersArePushedBack() throws {
        let pacer = SenderPacer()
        let start = ContinuousClock.now
        let hold = try #require(SenderPacer.hold(segments: 1, messagesPerSecond: 10))
        let slots = (0..<3).map { _ in pacer.reserve(sender: "+1", hold: hold, now: start) }
        #expect(slots == [start, start + hold, start + hold * 2])

        // The process stalls for half a second: all three sleepers wake at once.
        let woke = start + .milliseconds(500)
        #expect(pacer.claim(sender: "+1", hold: hold, now: woke) == nil)
        #expect(pacer.claim(sender: "+1", hold: hold, now: woke) == woke + hold)
        #expect(pacer.claim(sender: "+1", hold: hold, now: woke + hold) == nil)
        #expect(pacer.claim(sender: "+1", hold: hold, now: woke + hold) == woke + hold * 2)
        // A new reservation starts after the real sends, not after the stale slots.
        #expect(pacer.reserve(sender: "+1", hold: hold, now: woke) == woke + hold * 2)
        #expect(pacer.claim(sender: "+2", hold: hold, now: woke) == nil)
    }

    @Test("a pace of 0, or one that is not a positive finite number, never waits", arguments: [0, -1, .nan, .infinity])
    func unpaced(pace: Double) async throws {
        #expect(SenderPacer.hold(segments: 5, messagesPerSecond: pace) == nil)
        let pacer = SenderPacer()
        let shutdown = ShutdownSignal()
        let start = ContinuousClock.now
        for _ in 0..<1000 {
            let slot = try await pacer.waitForSlot(
                sender: "+1",
                segments: 5,
                messagesPerSecond: pace,
                shutdown: shutdown
            )
            #expect(slot)
        }
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test(
        "a hold is at most a day, whatever the pace and the segment count",
        arguments: [(1, 1e-300), (1, .leastNonzeroMagnitude), (Int.max, 0.001), (1_000_000, 1e-3)]
    )
    func longestHold(segments: Int, pace: Double) throws {
        let hold = try #require(SenderPacer.hold(segments: segments, messagesPerSecond: pace))
        #expect(hold == SenderPacer.longestHold)

        let pacer = SenderPacer()
        let start = ContinuousClock.now
        for slot in 0..<3 {
            #expect(pacer.reserve(sender: "+1", hold: hold, now: start) == start + hold * slot)
        }
    }

    @Test("senders whose slots have passed are forgotten once many are remembered")
    func pruning() throws {
        let pacer = SenderPacer()
        let start = ContinuousClock.now
        let hold = try #require(SenderPacer.hold(segments: 1, messagesPerSecond: 1))
        for sender in 0..<SenderPacer.pruneThreshold {
            _ = pacer.reserve(sender: "+\(sender)", hold: hold, now: start)
        }
        let later = start + .seconds(5)
        _ = pacer.reserve(sender: "+new", hold: hold, now: later)
        #expect(pacer.reserve(sender: "+0", hold: hold, now: later) == later)
        #expect(pacer.reserve(sender: "+new", hold: hold, now: later) == later + hold)
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
