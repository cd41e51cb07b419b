/// The latest status of each message (``GatewayStore/messageStatuses``) or call
/// (``GatewayStore/callStatuses``) of a ``GatewayStore``, moved only forward along its
/// ``lifecycle``.
///
/// Twilio's status callbacks can arrive out of order and more than once; each is stored as an
/// event in the log, and recorded here, where a late `sent` after `delivered` changes nothing.
/// Because a repeated or older status never moves, recording the same events again (replaying
/// the log after a crash) leaves the same result.
public struct LatestStatuses: Sendable {
    /// The order of statuses this table follows.
    public let lifecycle: StatusLifecycle
    private let store: GatewayStore
    private let table: String

    init(store: GatewayStore, table: String, lifecycle: StatusLifecycle) {
        self.store = store
        self.table = table
        self.lifecycle = lifecycle
    }

    /// Records that `sid` reported `status`, moving its latest status when the lifecycle says
    /// `status` comes later. The first known status of a sid starts tracking it.
    ///
    /// - Parameters:
    ///   - status: The reported status, such as `delivered`; compared in lower case.
    ///   - sid: The message or call sid.
    /// - Returns: Whether the status moved, and from what.
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func record(_ status: String, for sid: String) throws(GatewayStoreError) -> StatusChange {
        let next = status.lowercased()
        let now = store.clock()
        let lifecycle = lifecycle
        let table = table
        return try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.immediateTransaction { () throws(GatewayStoreError) in
                let rows = try connection.rows("SELECT status FROM \(table) WHERE sid = ?1", [.text(sid)], columns: 1)
                let current = rows.first?[0].textValue
                guard lifecycle.moves(from: current, to: next) else {
                    return StatusChange(previous: current, current: current, moved: false)
                }
                try connection.run(
                    """
                    INSERT INTO \(table) (sid, status, final, first_seen_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
                    ON CONFLICT (sid) DO UPDATE SET
                        status = excluded.status, final = excluded.final, updated_at = excluded.updated_at
                    """,
                    [.text(sid), .text(next), .integer(lifecycle.isFinal(next) ? 1 : 0), .real(now)]
                )
                return StatusChange(previous: current, current: next, moved: true)
            }
        }
    }

    /// What the table holds for `sid`, or `nil` when it is not tracked.
    ///
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func status(of sid: String) throws(GatewayStoreError) -> TrackedStatus? {
        let table = table
        return try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.rows(
                "SELECT \(Self.columns) FROM \(table) WHERE sid = ?1",
                [.text(sid)],
                columns: 6
            )
            .first.map(Self.tracked)
        }
    }

    /// The sids whose final status has not arrived although they were first recorded before
    /// `time`, and which the reconciler has not fetched yet; oldest first.
    ///
    /// The reconciler fetches each from Twilio once, publishes what it learns, records the
    /// status, and calls ``markReconciled(_:)``, so a lost callback leaves no sid pending
    /// forever and no sid is fetched twice.
    ///
    /// - Parameters:
    ///   - time: Seconds since 1970; sids first seen at or after it are not yet overdue.
    ///   - limit: The most sids to return.
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func pending(firstSeenBefore time: Double, limit: Int) throws(GatewayStoreError) -> [TrackedStatus] {
        let table = table
        return try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.rows(
                """
                SELECT \(Self.columns) FROM \(table)
                WHERE final = 0 AND reconciled_at IS NULL AND first_seen_at < ?1
                ORDER BY first_seen_at LIMIT ?2
                """,
                [.real(time), .integer(Int64(max(0, limit)))],
                columns: 6
            )
            .map(Self.tracked)
        }
    }

    /// Records that the reconciler has fetched `sid`, so ``pending(firstSeenBefore:limit:)``
    /// no longer returns it.
    ///
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func markReconciled(_ sid: String) throws(GatewayStoreError) {
        let now = store.clock()
        let table = table
        try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.run("UPDATE \(table) SET reconciled_at = ?2 WHERE sid = ?1", [.text(sid), .real(now)])
        }
    }

    private static let columns = "sid, status, final, first_seen_at, updated_at, reconciled_at"

    private static func tracked(_ row: [SQLiteStatement.Value]) -> TrackedStatus {
        TrackedStatus(
            sid: row[0].textValue ?? "",
            status: row[1].textValue ?? "",
            isFinal: row[2].integerValue == 1,
            firstSeenAt: row[3].realValue ?? 0,
            updatedAt: row[4].realValue ?? 0,
            reconciledAt: row[5].realValue
        )
    }
}
