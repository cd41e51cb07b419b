/// How long the log keeps events: the oldest are deleted once any limit is passed.
///
/// Retention wins over slow consumers: an event past a limit is deleted even when a named
/// consumer has not acknowledged it, so one stalled consumer cannot fill the disk. Such a
/// consumer learns what it missed from ``EventBatch/retentionGap``. Deletion only ever removes
/// the oldest events, so the log is always one run of offsets, oldest to latest.
public struct EventRetention: Hashable, Sendable {
    /// Events received longer ago than this are deleted; `nil` for no age limit.
    public var maxAge: Duration?
    /// The most events kept; `nil` for no count limit.
    public var maxEvents: Int?
    /// The most bytes of event content kept: types, identifiers, dedupe keys and parameters, as
    /// encoded. Indexes and SQLite's page overhead come on top (the file is typically about
    /// twice this). `nil` for no size limit.
    public var maxBytes: Int64?

    /// Creates a retention policy; each `nil` limit is off.
    ///
    /// - Parameters:
    ///   - maxAge: The age past which events go.
    ///   - maxEvents: The most events kept.
    ///   - maxBytes: The most bytes of event content kept.
    public init(maxAge: Duration? = nil, maxEvents: Int? = nil, maxBytes: Int64? = nil) {
        self.maxAge = maxAge
        self.maxEvents = maxEvents
        self.maxBytes = maxBytes
    }

    /// Keeps every event forever.
    public static let unlimited = EventRetention()

    /// The gateway's default: seven days, and at most 1 GiB of event content.
    public static let standard = EventRetention(maxAge: .seconds(7 * 24 * 60 * 60), maxBytes: 1 << 30)
}
