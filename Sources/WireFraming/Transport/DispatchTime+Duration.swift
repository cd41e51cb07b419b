internal import Dispatch

extension DispatchTime {
    /// The time `duration` from now; negative durations give now.
    static func after(_ duration: Duration) -> DispatchTime {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else {
            return .now()
        }
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow, nanoseconds.partialValue < Int64(Int.max) / 2 else {
            return .distantFuture
        }
        return .now() + .nanoseconds(Int(nanoseconds.partialValue + max(0, attoseconds) / 1_000_000_000))
    }
}
