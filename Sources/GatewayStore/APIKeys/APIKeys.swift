/// The API keys of a ``GatewayStore``: what callers present, stored as hashes only.
///
/// Every call looks its key up here by ID, so a key created or revoked by another process
/// (`twilio-gateway keys ...`) counts from the next call on; nothing is cached. Scopes are kept
/// as text, one stored form per scope, and are not interpreted here.
public struct APIKeys: Sendable {
    /// How often a key's last-used time is written at most: once a minute, so a busy key costs
    /// one write a minute and not one per call.
    public static let lastUsedResolution = 60.0

    private let store: GatewayStore

    init(store: GatewayStore) {
        self.store = store
    }

    /// Stores a new key.
    ///
    /// - Parameter record: The key; its ``APIKeyRecord/id`` must be new.
    /// - Throws: ``GatewayStoreError`` when SQLite fails, or with code `queryFailed` when the ID
    ///   is taken.
    public func insert(_ record: APIKeyRecord) throws(GatewayStoreError) {
        try store.database.withConnection { connection throws(GatewayStoreError) in
            let inserted = try connection.run(
                """
                INSERT INTO api_keys (id, name, scopes, secret_hash, created_at, revoked_at, last_used_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING
                """,
                [
                    .text(record.id), .text(record.name), .text(record.scopes.joined(separator: " ")),
                    .blob(record.secretHash), .real(record.createdAt), Self.optionalReal(record.revokedAt),
                    Self.optionalReal(record.lastUsedAt),
                ]
            )
            guard inserted == 1 else {
                throw GatewayStoreError(code: .queryFailed, message: "an API key with ID \(record.id) exists already")
            }
        }
    }

    /// The key with ID `id`, revoked or not, or `nil` when there is none.
    ///
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func record(id: String) throws(GatewayStoreError) -> APIKeyRecord? {
        try select("WHERE id = ?1", [.text(id)]).first
    }

    /// Every key, revoked ones too, oldest first.
    ///
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func all() throws(GatewayStoreError) -> [APIKeyRecord] {
        try select("ORDER BY created_at, id", [])
    }

    /// Whether any key was ever created, revoked ones included.
    ///
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func isEmpty() throws(GatewayStoreError) -> Bool {
        try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.rows("SELECT 1 FROM api_keys LIMIT 1", columns: 1).isEmpty
        }
    }

    /// Revokes the key with ID `id`; the next call that presents it is refused.
    ///
    /// - Returns: `true` when the key existed and was not revoked yet.
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    @discardableResult
    public func revoke(id: String) throws(GatewayStoreError) -> Bool {
        let now = store.clock()
        return try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.run(
                "UPDATE api_keys SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
                [.text(id), .real(now)]
            ) == 1
        }
    }

    /// Notes that `record`'s key was used now, unless that was noted less than
    /// ``lastUsedResolution`` seconds ago (by `record`, or by another process since it was read).
    ///
    /// A key used within the resolution costs no write at all, so a busy key takes the write
    /// lock once a minute, not once a call.
    ///
    /// - Throws: ``GatewayStoreError`` when SQLite fails.
    public func markUsed(_ record: APIKeyRecord) throws(GatewayStoreError) {
        let now = store.clock()
        let due = now - Self.lastUsedResolution
        if let lastUsed = record.lastUsedAt, lastUsed > due {
            return
        }
        try store.database.withConnection { connection throws(GatewayStoreError) in
            _ = try connection.run(
                "UPDATE api_keys SET last_used_at = ?2 WHERE id = ?1 AND (last_used_at IS NULL OR last_used_at <= ?3)",
                [.text(record.id), .real(now), .real(due)]
            )
        }
    }

    private func select(_ clause: String, _ values: [SQLiteStatement.Value]) throws(GatewayStoreError)
        -> [APIKeyRecord]
    {
        try store.database.withConnection { connection throws(GatewayStoreError) in
            try connection.rows(
                "SELECT id, name, scopes, secret_hash, created_at, revoked_at, last_used_at FROM api_keys \(clause)",
                values,
                columns: 7
            )
            .map { row in
                APIKeyRecord(
                    id: row[0].textValue ?? "",
                    name: row[1].textValue ?? "",
                    scopes: (row[2].textValue ?? "").split(separator: " ").map(String.init),
                    secretHash: row[3].blobValue ?? [],
                    createdAt: row[4].realValue ?? 0,
                    revokedAt: row[5].realValue,
                    lastUsedAt: row[6].realValue
                )
            }
        }
    }

    private static func optionalReal(_ number: Double?) -> SQLiteStatement.Value {
        number.map { .real($0) } ?? .null
    }
}
