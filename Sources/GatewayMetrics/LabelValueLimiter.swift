internal import Synchronization

/// Keeps a label fed by clients to a bounded set of values: the first `limit` distinct values
/// it admits stay themselves, every later one becomes ``overflowValue``.
///
/// Each distinct label value is a series Prometheus stores for good, so a value a client
/// chooses (such as a GraphQL operation name) must pass through a limiter: a hostile client
/// sending a new name per request then costs at most `limit + 1` series. Values longer than
/// ``maximumLength`` are cut to it first.
public final class LabelValueLimiter: Sendable {
    /// How many distinct values are kept.
    public let limit: Int
    /// The longest value kept, in characters.
    public let maximumLength: Int
    /// What every value past the limit becomes.
    public let overflowValue: String
    private let admitted = Mutex<Set<String>>([])

    /// Creates a limiter.
    ///
    /// - Parameters:
    ///   - limit: How many distinct values to keep, at least 1.
    ///   - maximumLength: The longest value kept, in characters, at least 1.
    ///   - overflowValue: What values past the limit become; `other` unless given.
    public init(limit: Int, maximumLength: Int = 64, overflowValue: String = "other") {
        precondition(limit >= 1 && maximumLength >= 1, "a label value limiter needs a limit and a length of at least 1")
        self.limit = limit
        self.maximumLength = maximumLength
        self.overflowValue = overflowValue
    }

    /// The label value to use for `value`: `value` itself (cut to ``maximumLength``) when it
    /// was admitted before or there is room for it, ``overflowValue`` otherwise.
    public func admit(_ value: String) -> String {
        let clamped = value.utf8.count <= maximumLength ? value : String(value.prefix(maximumLength))
        return admitted.withLock { admitted in
            if admitted.contains(clamped) {
                return clamped
            }
            guard admitted.count < limit else {
                return overflowValue
            }
            admitted.insert(clamped)
            return clamped
        }
    }
}
