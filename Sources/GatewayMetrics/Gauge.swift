/// A value that goes up and down, such as the number of bulk sends running now.
///
/// Safe to use from any thread; each change costs one atomic operation.
public final class Gauge: Sendable {
    private let storage = AtomicDouble()

    /// Creates a gauge at 0. Gauges are usually made by ``MetricFamily/labels(_:)``.
    public init() {}

    /// The current value.
    public var value: Double {
        storage.value
    }

    /// Replaces the value.
    public func set(_ value: Double) {
        storage.store(value)
    }

    /// Adds `amount` (1 unless given).
    public func increment(by amount: Double = 1) {
        storage.add(amount)
    }

    /// Subtracts `amount` (1 unless given).
    public func decrement(by amount: Double = 1) {
        storage.add(-amount)
    }
}
