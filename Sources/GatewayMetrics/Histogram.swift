internal import Synchronization

/// Counts observations, such as call durations in seconds, in buckets with fixed upper bounds,
/// and keeps their sum and count.
///
/// A bucket counts the observations less than or equal to its bound (Prometheus' `le`); values
/// above the largest bound count only in the implicit `+Inf` bucket. One observation takes one
/// short lock, so a scrape never sees the count and the buckets disagree.
public final class Histogram: Sendable {
    /// What a histogram holds at one moment.
    public struct Snapshot: Hashable, Sendable {
        /// For each bound of ``Histogram/upperBounds``, in order, the observations at or below
        /// it; then one more entry, the `+Inf` bucket, equal to ``count``.
        public var cumulativeCounts: [UInt64]
        /// The sum of every observation.
        public var sum: Double
        /// The number of observations.
        public var count: UInt64
    }

    private struct State {
        var bucketCounts: [UInt64]
        var sum: Double = 0
        var count: UInt64 = 0
    }

    /// The finite upper bounds of the buckets, ascending.
    public let upperBounds: [Double]
    private let state: Mutex<State>

    /// Creates an empty histogram.
    ///
    /// - Parameter upperBounds: Finite, strictly ascending bounds, at least one; `+Inf` is
    ///   implied. ``Histogram/defaultDurationBounds`` suits request durations in seconds.
    public init(upperBounds: [Double]) {
        precondition(
            Self.areValid(upperBounds),
            "histogram bounds must be finite and strictly ascending: \(upperBounds)"
        )
        self.upperBounds = upperBounds
        self.state = Mutex(State(bucketCounts: Array(repeating: 0, count: upperBounds.count + 1)))
    }

    /// Records one value; a NaN is ignored, since it belongs in no bucket.
    public func observe(_ value: Double) {
        guard !value.isNaN else {
            return
        }
        let index = bucketIndex(of: value)
        state.withLock { state in
            state.bucketCounts[index] += 1
            state.sum += value
            state.count += 1
        }
    }

    /// Records a duration, in seconds.
    public func observe(_ duration: Duration) {
        observe(Self.seconds(duration))
    }

    /// The counts and the sum now.
    public var snapshot: Snapshot {
        let state = state.withLock { $0 }
        var running: UInt64 = 0
        let cumulative = state.bucketCounts.map { count in
            running += count
            return running
        }
        return Snapshot(cumulativeCounts: cumulative, sum: state.sum, count: state.count)
    }

    /// Bounds for durations in seconds, from one millisecond to one minute.
    public static let defaultDurationBounds: [Double] = [
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
    ]

    /// Whether `bounds` can be a histogram's bounds.
    static func areValid(_ bounds: [Double]) -> Bool {
        !bounds.isEmpty && bounds.allSatisfy(\.isFinite) && zip(bounds, bounds.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// `duration` in seconds, as a `Double`.
    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The index of the first bucket whose bound is at least `value`, or the `+Inf` bucket's.
    private func bucketIndex(of value: Double) -> Int {
        var low = 0
        var high = upperBounds.count
        while low < high {
            let middle = (low + high) / 2
            if value <= upperBounds[middle] {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
