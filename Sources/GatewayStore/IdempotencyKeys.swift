/// The idempotency keys of a ``GatewayStore``: for each key in a scope (such as an RPC method),
/// what the first call asked for and how it ended, kept for the store's
/// ``GatewayStore/idempotencyKeyLifetime``.
///
/// A caller claims a key before acting, then records the outcome or releases the key when
/// nothing happened. Claims are atomic across threads and processes sharing the file: of two
/// calls claiming the same free key, exactly one gets ``IdempotencyClaim/claimed``.
public struct IdempotencyKeys: Sendable {
    private let store: GatewayStore

    init(store: GatewayStore) {
        self.store = store
    }

    /// Claims `key` for a new call, or returns what an earlier call with it left.
    ///
    /// Expired keys are removed first, so an expired key is free again.
    ///
    /// - Parameters:
    ///   - key: The caller's idempotency key.
    ///   - scope: What the key is for, such as `twilio.gateway.v1.Messaging/SendSms`.
    ///   - fingerprint: The request in canonical form.
    /// - Returns: ``IdempotencyClaim/claimed`` when the caller now owns the key.
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func claim(_ key: String, scope: String, fingerprint: String) throws(GatewayStoreError)
        -> IdempotencyClaim
    {
        let now = store.clock()
        let oldest = now - store.idempotencyKeyLifetime.seconds
        return try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.immediateTransaction { () throws(GatewayStoreError) in
                try connection.run("DELETE FROM idempotency_keys WHERE created_at < ?1", [.real(oldest)])
                let rows = try connection.rows(
                    """
                    SELECT fingerprint, created_at, outcome_code, outcome_message, outcome_payload
                    FROM idempotency_keys WHERE scope = ?1 AND key = ?2
                    """,
                    [.text(scope), .text(key)],
                    columns: 5
                )
                if let row = rows.first {
                    return .existing(Self.record(row))
                }
                try connection.run(
                    "INSERT INTO idempotency_keys (scope, key, fingerprint, created_at) VALUES (?1, ?2, ?3, ?4)",
                    [.text(scope), .text(key), .text(fingerprint), .real(now)]
                )
                return .claimed
            }
        }
    }

    /// Records how the call that claimed `key` ended.
    ///
    /// - Parameters:
    ///   - key: A key the caller claimed.
    ///   - scope: The key's scope.
    ///   - outcome: The call's outcome, returned to every later call with the key.
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func complete(_ key: String, scope: String, outcome: IdempotencyOutcome) throws(GatewayStoreError) {
        let now = store.clock()
        try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.run(
                """
                UPDATE idempotency_keys
                SET completed_at = ?3, outcome_code = ?4, outcome_message = ?5, outcome_payload = ?6
                WHERE scope = ?1 AND key = ?2
                """,
                [
                    .text(scope), .text(key), .real(now), .integer(Int64(outcome.code)), .text(outcome.message),
                    .blob(outcome.payload),
                ]
            )
        }
    }

    /// Frees `key` again, for a call that ended without acting (so a retry may act).
    ///
    /// - Parameters:
    ///   - key: A key the caller claimed.
    ///   - scope: The key's scope.
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func release(_ key: String, scope: String) throws(GatewayStoreError) {
        try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.run(
                "DELETE FROM idempotency_keys WHERE scope = ?1 AND key = ?2",
                [.text(scope), .text(key)]
            )
        }
    }

    /// The record of `key`, or `nil` when the key is free or expired.
    ///
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func record(_ key: String, scope: String) throws(GatewayStoreError) -> IdempotencyRecord? {
        let oldest = store.clock() - store.idempotencyKeyLifetime.seconds
        return try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.rows(
                """
                SELECT fingerprint, created_at, outcome_code, outcome_message, outcome_payload
                FROM idempotency_keys WHERE scope = ?1 AND key = ?2 AND created_at >= ?3
                """,
                [.text(scope), .text(key), .real(oldest)],
                columns: 5
            )
            .first.map(Self.record)
        }
    }

    private static func record(_ row: [SQLiteStatement.Value]) -> IdempotencyRecord {
        var outcome: IdempotencyOutcome?
        if case .integer(let code) = row[2] {
            let message = if case .text(let text) = row[3] { text } else { "" }
            let payload = if case .blob(let bytes) = row[4] { bytes } else { [UInt8]() }
            outcome = IdempotencyOutcome(code: Int(code), message: message, payload: payload)
        }
        let fingerprint = if case .text(let text) = row[0] { text } else { "" }
        let createdAt = if case .real(let seconds) = row[1] { seconds } else { 0.0 }
        return IdempotencyRecord(fingerprint: fingerprint, createdAt: createdAt, outcome: outcome)
    }
}
