import Synchronization

/// A count that handlers and producers bump and tests read.
final class Counter: Sendable {
    private let count = Mutex(0)

    /// The count so far.
    var value: Int {
        count.withLock { $0 }
    }

    /// Adds `amount`.
    func add(_ amount: Int = 1) {
        count.withLock { $0 += amount }
    }
}
