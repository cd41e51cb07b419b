/// The answer to ``EventLog/read(after:limit:filter:)``.
public struct EventBatch: Hashable, Sendable {
    /// The matching events, in offset order.
    public var events: [LoggedEvent]
    /// Where the next read should start (its `after`): the last event's offset when the batch
    /// is full, otherwise the latest offset the read covered, so that a reader whose filter
    /// matched nothing still moves past what it has seen. Never less than the `after` given.
    public var resumeAfter: Int64
    /// Offsets the reader asked for that retention had already deleted (see
    /// ``EventRetention``), or `nil` when nothing was missed.
    public var retentionGap: ClosedRange<Int64>?

    /// Creates a batch.
    public init(events: [LoggedEvent], resumeAfter: Int64, retentionGap: ClosedRange<Int64>? = nil) {
        self.events = events
        self.resumeAfter = resumeAfter
        self.retentionGap = retentionGap
    }
}
