internal import Synchronization

/// A `Double` read and changed without a lock: its bit pattern lives in an atomic word and
/// additions retry a compare-and-exchange until no other thread got in between.
///
/// Relaxed ordering is enough: a metric's value is read on its own, never to publish other memory.
struct AtomicDouble: ~Copyable, Sendable {
    private let bits: Atomic<UInt64>

    init(_ value: Double = 0) {
        bits = Atomic(value.bitPattern)
    }

    /// The current value.
    var value: Double {
        Double(bitPattern: bits.load(ordering: .relaxed))
    }

    /// Replaces the value.
    func store(_ value: Double) {
        bits.store(value.bitPattern, ordering: .relaxed)
    }

    /// Adds `delta` to the value.
    func add(_ delta: Double) {
        var current = bits.load(ordering: .relaxed)
        while true {
            let next = (Double(bitPattern: current) + delta).bitPattern
            let (exchanged, found) = bits.compareExchange(expected: current, desired: next, ordering: .relaxed)
            if exchanged {
                return
            }
            current = found
        }
    }
}
