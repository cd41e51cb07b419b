/// The answer to ``EventLog/append(_:)``: where the event is, and whether it was already there.
public struct EventAppendResult: Hashable, Sendable {
    /// The offset of the stored event: the new one, or for a duplicate the first event with the
    /// same dedupe key.
    public var offset: Int64
    /// `true` when the log already held an event with the same dedupe key and stored nothing.
    public var isDuplicate: Bool

    /// Creates a result.
    public init(offset: Int64, isDuplicate: Bool) {
        self.offset = offset
        self.isDuplicate = isDuplicate
    }
}
