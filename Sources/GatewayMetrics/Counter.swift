/// A value that only goes up, such as the number of calls served; it starts at 0 and restarts
/// there only when the process does.
///
/// Safe to use from any thread; an increment costs one atomic compare-and-exchange.
public final class Counter: Sendable {
    private let storage = AtomicDouble()

    /// Creates a counter at 0. Counters are usually made by ``MetricFamily/labels(_:)``.
    public init() {}

    /// The current value.
    public var value: Double {
        storage.value
    }

    /// Adds one.
    public func increment() {
        storage.add(1)
    }

    /// Adds `amount`, which must not be negative (a counter that went down would read as a
    /// restart to Prometheus).
    ///
    /// - Parameter amount: A finite amount, 0 or more.
    public func increment(by amount: Double) {
        precondition(amount >= 0 && amount.isFinite, "a counter can only grow by a finite amount, not \(amount)")
        storage.add(amount)
    }
}
