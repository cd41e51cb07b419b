/// The opted-out numbers of a ``GatewayStore``: who refuses messages from which sender or
/// Messaging Service (see ``OptOutScope`` for how Twilio scopes opt-outs).
///
/// A number enters by an opt-out keyword (``OptOutKeywords``) or a 21610 answer from Twilio,
/// and leaves by an opt-in keyword in the same scope. The send path checks it first, so a send
/// to an opted-out number fails fast without a request to Twilio.
public struct OptOuts: Sendable {
    private let store: GatewayStore

    init(store: GatewayStore) {
        self.store = store
    }

    /// Opts `number` out of messages in `scope`.
    ///
    /// - Parameters:
    ///   - number: The person's number.
    ///   - scope: Whose messages it refuses.
    ///   - reason: What opted it out; a number already opted out keeps its first reason.
    /// - Returns: `true` when the number was not opted out in `scope` before.
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    @discardableResult
    public func optOut(_ number: String, scope: OptOutScope, reason: OptOutReason) throws(GatewayStoreError) -> Bool {
        let now = store.clock()
        return try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.run(
                """
                INSERT INTO opt_outs (number, scope, reason, opted_out_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (number, scope) DO NOTHING
                """,
                [.text(number), .text(scope.rawValue), .text(reason.rawValue), .real(now)]
            ) == 1
        }
    }

    /// Opts `number` back in to messages in `scope`.
    ///
    /// - Returns: `true` when the number was opted out in `scope`.
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    @discardableResult
    public func optIn(_ number: String, scope: OptOutScope) throws(GatewayStoreError) -> Bool {
        try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.run(
                "DELETE FROM opt_outs WHERE number = ?1 AND scope = ?2",
                [.text(number), .text(scope.rawValue)]
            ) == 1
        }
    }

    /// The opt-out that blocks a message to `number` in any of `scopes` (the oldest, when
    /// several do), or `nil` when the message may be sent.
    ///
    /// - Parameters:
    ///   - number: The recipient.
    ///   - scopes: The send's scopes, from ``OptOutScope/outbound(from:messagingServiceSID:)``.
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func blocking(_ number: String, in scopes: [OptOutScope]) throws(GatewayStoreError) -> OptOutRecord? {
        let wanted = Set(scopes.map(\.rawValue))
        return try records(for: number).first { wanted.contains($0.scope.rawValue) }
    }

    /// Every opt-out in any of `scopes`, oldest first: what a bulk send reads once, instead of a
    /// query per recipient. The table has no index by scope, so this reads the whole table,
    /// which holds one row per opted-out number and scope.
    ///
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func records(in scopes: [OptOutScope]) throws(GatewayStoreError) -> [OptOutRecord] {
        let wanted = Array(Set(scopes.map(\.rawValue))).sorted()
        guard !wanted.isEmpty else {
            return []
        }
        let placeholders = (1...wanted.count).map { "?\($0)" }.joined(separator: ", ")
        return try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.rows(
                """
                SELECT number, scope, reason, opted_out_at FROM opt_outs WHERE scope IN (\(placeholders))
                ORDER BY opted_out_at, number, scope
                """,
                wanted.map { .text($0) },
                columns: 4
            )
            .map { row in
                OptOutRecord(
                    number: row[0].textValue ?? "",
                    scope: OptOutScope(rawValue: row[1].textValue ?? ""),
                    reason: OptOutReason(rawValue: row[2].textValue ?? ""),
                    optedOutAt: row[3].realValue ?? 0
                )
            }
        }
    }

    /// Every opt-out of `number`, oldest first.
    ///
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func records(for number: String) throws(GatewayStoreError) -> [OptOutRecord] {
        try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.rows(
                "SELECT scope, reason, opted_out_at FROM opt_outs WHERE number = ?1 ORDER BY opted_out_at, scope",
                [.text(number)],
                columns: 3
            )
            .map { row in
                OptOutRecord(
                    number: number,
                    scope: OptOutScope(rawValue: row[0].textValue ?? ""),
                    reason: OptOutReason(rawValue: row[1].textValue ?? ""),
                    optedOutAt: row[2].realValue ?? 0
                )
            }
        }
    }
}
