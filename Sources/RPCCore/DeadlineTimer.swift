internal import Dispatch

/// Runs an action once when a deadline passes, unless cancelled first.
///
/// One Dispatch timer per call is far cheaper than a sleeping task racing the handler in a
/// task group, which matters at tens of thousands of calls per second.
struct DeadlineTimer {
    private let item: DispatchWorkItem

    /// Schedules `action` for `deadline`; a deadline too far away for Dispatch to count never
    /// comes.
    init(deadline: ContinuousClock.Instant, action: @escaping @Sendable () -> Void) {
        item = DispatchWorkItem(block: action)
        DispatchQueue.global().asyncAfter(deadline: Self.dispatchTime(after: deadline - .now), execute: item)
    }

    /// Stops the action from running if it has not run yet.
    func cancel() {
        item.cancel()
    }

    /// The Dispatch time `remaining` from now, saturating: a wait that is not positive gives
    /// now, and one of more than about 146 years (half of what Dispatch's nanosecond count
    /// holds) gives `distantFuture`.
    static func dispatchTime(after remaining: Duration) -> DispatchTime {
        let (seconds, attoseconds) = remaining.components
        guard remaining > .zero else {
            return .now()
        }
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow, nanoseconds.partialValue < Int64.max / 2 else {
            return .distantFuture
        }
        return .now() + .nanoseconds(Int(nanoseconds.partialValue + attoseconds / 1_000_000_000))
    }
}
