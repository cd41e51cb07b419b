/// The tables of the store and how a file moves from one schema version to the next.
///
/// The version lives in `PRAGMA user_version`. Each migration runs once, in a transaction; a
/// later table (the event log, for one) is a new entry at the end of ``migrations``.
enum StoreSchema {
    static let migrations: [String] = [
        """
        CREATE TABLE idempotency_keys (
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            created_at REAL NOT NULL,
            completed_at REAL,
            outcome_code INTEGER,
            outcome_message TEXT,
            outcome_payload BLOB,
            PRIMARY KEY (scope, key)
        ) WITHOUT ROWID;
        CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
        """
    ]

    /// Applies every migration the file has not had yet.
    ///
    /// - Throws: ``GatewayStoreError`` when a migration fails, or when the file was written by a
    ///   newer version of the gateway.
    static func migrate(_ connection: SQLiteConnection) throws(GatewayStoreError) {
        try connection.immediateTransaction { () throws(GatewayStoreError) in
            let row = try connection.rows("PRAGMA user_version", columns: 1).first?.first
            guard case .integer(let version) = row, version >= 0 else {
                throw GatewayStoreError(code: .openFailed, message: "the file has no readable schema version")
            }
            guard version <= migrations.count else {
                throw GatewayStoreError(
                    code: .openFailed,
                    message: "the file has schema version \(version), newer than this gateway's "
                        + "\(migrations.count); run a newer gateway or use another data directory"
                )
            }
            for (index, sql) in migrations.enumerated().dropFirst(Int(version)) {
                try connection.execute(sql)
                try connection.execute("PRAGMA user_version=\(index + 1)")
            }
        }
    }
}
