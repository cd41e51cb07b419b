internal import Synchronization

/// One SQLite connection behind a lock: every query through it runs in
/// ``withConnection(_:)``, one at a time.
///
/// The gateway's store keeps one for all its tables; the event log keeps one for its writer
/// thread and a few for readers. Queries are short, so callers block on the lock rather than
/// queue. SQLite's own locking (WAL, `busy_timeout`) covers other connections to the file.
final class SQLiteDatabase: Sendable {
    private let connection: Mutex<SQLiteConnection>

    /// Opens the file at `path` (creating it), switches it to WAL and applies `migrations`.
    ///
    /// - Parameters:
    ///   - path: The database file; its directory must exist.
    ///   - migrations: The file's schema, one entry per version (see
    ///     ``SQLiteConnection/migrate(_:)``).
    init(path: String, migrations: [String]) throws(GatewayStoreError) {
        let opened = try SQLiteConnection(path: path)
        try Self.configure(opened, path: path)
        try opened.migrate(migrations)
        connection = Mutex(opened)
    }

    /// Opens a second connection to a file another ``SQLiteDatabase`` has set up, for reading
    /// only: it never takes the write lock, so in WAL mode it never waits for a writer.
    init(readerOf path: String) throws(GatewayStoreError) {
        let opened = try SQLiteConnection(path: path)
        try opened.execute("PRAGMA query_only=1; PRAGMA busy_timeout=5000")
        connection = Mutex(opened)
    }

    /// Runs `body` with the connection, holding the lock.
    @discardableResult
    func withConnection<T: Sendable>(_ body: (SQLiteConnection) throws(GatewayStoreError) -> T)
        throws(GatewayStoreError) -> T
    {
        try connection.withLock { connection throws(GatewayStoreError) in
            try body(connection)
        }
    }

    /// Closes the connection; later queries fail with ``GatewayStoreError/Code/closed``.
    func close() {
        connection.withLock { $0.close() }
    }

    /// WAL so readers never block the writer and a crash loses no committed transaction;
    /// `synchronous=FULL` so a commit survives power loss too: a lost idempotency key could let
    /// a message be sent twice, and a lost event was already acknowledged to Twilio.
    private static func configure(_ connection: SQLiteConnection, path: String) throws(GatewayStoreError) {
        let mode = try connection.rows("PRAGMA journal_mode=WAL", columns: 1).first?.first
        guard mode == .text("wal") else {
            throw GatewayStoreError(
                code: .openFailed,
                message: "\(path) cannot use write-ahead logging (journal mode is \(String(describing: mode))); "
                    + "put the data directory on a local file system"
            )
        }
        try connection.execute("PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000")
    }
}
