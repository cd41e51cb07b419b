internal import Synchronization

/// The store's one SQLite connection behind a lock: every query of every table runs through
/// ``withConnection(_:)``, one at a time.
///
/// Queries are short (a few rows by primary key), so callers block on the lock rather than
/// queue. SQLite's own locking (WAL, `busy_timeout`) covers other processes using the file.
final class SQLiteDatabase: Sendable {
    private let connection: Mutex<SQLiteConnection>

    /// Opens the file at `path`, switches it to WAL and brings its schema up to date.
    init(path: String) throws(GatewayStoreError) {
        let opened = try SQLiteConnection(path: path)
        try Self.configure(opened, path: path)
        try StoreSchema.migrate(opened)
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
    /// `synchronous=FULL` so a commit survives power loss too, since a lost idempotency key
    /// could let a message be sent twice.
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
