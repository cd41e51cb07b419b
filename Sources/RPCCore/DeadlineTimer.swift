internal import Dispatch

/// Runs an action once when a deadline passes, unless cancelled first.
///
/// One Dispatch timer per call is far cheaper than a sleeping task racing the handler in a
/// task group, which matters at tens of thousands of calls per second.
struct DeadlineTimer {
    private let item: DispatchWorkItem

    /// Schedules `action` for `deadline`.
    init(deadline: ContinuousClock.Instant, action: @escaping @Sendable () -> Void) {
        item = DispatchWorkItem(block: action)
        let remaining = deadline - .now
        let nanoseconds = max(
            0,
            remaining.components.seconds * 1_000_000_000 + remaining.components.attoseconds / 1_000_000_000
        )
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds)), execute: item)
    }

    /// Stops the action from running if it has not run yet.
    func cancel() {
        item.cancel()
    }
}
