/// What one run of retention deleted.
public struct RetentionReport: Hashable, Sendable {
    /// How many events it deleted.
    public var deletedEvents: Int
    /// How many bytes of event content they held (as ``EventRetention/maxBytes`` counts them).
    public var deletedBytes: Int64
    /// The oldest offset left in the log, or `nil` when the log is empty.
    public var oldestOffset: Int64?

    /// Creates a report.
    public init(deletedEvents: Int, deletedBytes: Int64, oldestOffset: Int64?) {
        self.deletedEvents = deletedEvents
        self.deletedBytes = deletedBytes
        self.oldestOffset = oldestOffset
    }
}
