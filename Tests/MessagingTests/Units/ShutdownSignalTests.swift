import Testing

@testable import GatewayServices

@Suite("ShutdownSignal")
struct ShutdownSignalTests {
    @Test("a sleep reaches its deadline while the signal is down")
    func sleepsToTheDeadline() async throws {
        let signal = ShutdownSignal()
        let deadline = ContinuousClock.now + .milliseconds(20)
        #expect(try await signal.sleep(until: deadline))
        #expect(ContinuousClock.now >= deadline)
        #expect(try await signal.sleep(until: .now - .seconds(1)))
    }

    @Test("raising wakes every sleeper at once, and later sleeps do not wait")
    func raiseWakesSleepers() async throws {
        let signal = ShutdownSignal()
        let far = ContinuousClock.now + .seconds(3600)
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { try await signal.sleep(until: far) }
            }
            try await Task.sleep(for: .milliseconds(20))
            signal.raise()
            for try await reachedDeadline in group {
                #expect(!reachedDeadline)
            }
        }
        #expect(signal.isRaised)
        #expect(try await !signal.sleep(until: far))
        signal.raise()
        #expect(signal.isRaised)
    }

    @Test("cancelling a sleeper throws CancellationError and leaves the signal down")
    func cancellation() async throws {
        let signal = ShutdownSignal()
        let sleeper = Task { try await signal.sleep(until: .now + .seconds(3600)) }
        try await Task.sleep(for: .milliseconds(20))
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(!signal.isRaised)
    }
}
