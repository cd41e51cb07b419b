import Synchronization

/// A wall clock that only moves when a test says so, for the sandbox's `wallClock`.
final class TestClock: Sendable {
    private let seconds: Mutex<Double>

    /// Starts at 2025-01-01 12:00:00 UTC.
    init(_ start: Double = 1_735_732_800) {
        seconds = Mutex(start)
    }

    /// Seconds since 1970.
    var now: Double {
        seconds.withLock { $0 }
    }

    /// Moves the clock forward.
    func advance(by interval: Double) {
        seconds.withLock { $0 += interval }
    }

    /// The clock as the sandbox takes it.
    var wallClock: @Sendable () -> Double {
        { self.now }
    }
}
