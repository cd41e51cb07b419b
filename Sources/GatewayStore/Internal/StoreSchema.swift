/// The tables of the gateway's store (`gateway.sqlite3`), one migration per schema version
/// (applied by ``SQLiteConnection/migrate(_:)``).
///
/// The event log lives in a file of its own; see ``EventLogSchema``.
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
        """,
        """
        CREATE TABLE message_statuses (
            sid TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            final INTEGER NOT NULL,
            first_seen_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            reconciled_at REAL
        ) WITHOUT ROWID;
        CREATE INDEX message_statuses_pending ON message_statuses (first_seen_at)
            WHERE final = 0 AND reconciled_at IS NULL;
        CREATE TABLE call_statuses (
            sid TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            final INTEGER NOT NULL,
            first_seen_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            reconciled_at REAL
        ) WITHOUT ROWID;
        CREATE INDEX call_statuses_pending ON call_statuses (first_seen_at)
            WHERE final = 0 AND reconciled_at IS NULL;
        CREATE TABLE opt_outs (
            scope TEXT NOT NULL,
            number TEXT NOT NULL,
            reason TEXT NOT NULL,
            opted_out_at REAL NOT NULL,
            PRIMARY KEY (number, scope)
        ) WITHOUT ROWID;
        """,
        """
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            scopes TEXT NOT NULL,
            secret_hash BLOB NOT NULL,
            created_at REAL NOT NULL,
            revoked_at REAL,
            last_used_at REAL
        ) WITHOUT ROWID;
        """,
    ]
}
