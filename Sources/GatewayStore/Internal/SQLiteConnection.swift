internal import CSQLite

/// An open SQLite database handle, used by one thread at a time.
///
/// ``SQLiteDatabase`` holds it behind its lock; nothing else touches it. The handle is opened
/// with `SQLITE_OPEN_NOMUTEX` for that reason.
final class SQLiteConnection {
    private var handle: OpaquePointer?

    /// Opens (creating if needed) the database file at `path`.
    init(path: String) throws(GatewayStoreError) {
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let result = sqlite3_open_v2(path, &opened, flags, nil)
        guard result == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(opened)
            throw GatewayStoreError(
                code: .openFailed,
                sqliteCode: result,
                message: "cannot open \(path): \(message); check that the data directory exists and is writable"
            )
        }
        handle = opened
    }

    deinit {
        close()
    }

    /// Closes the handle; later calls fail with ``GatewayStoreError/Code/closed``.
    func close() {
        // Every statement is finalized when its withStatement scope ends, so close cannot be busy.
        if let handle {
            sqlite3_close(handle)
        }
        handle = nil
    }

    /// Runs one or more statements that return no rows, such as DDL.
    func execute(_ sql: String) throws(GatewayStoreError) {
        let handle = try openHandle()
        var message: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard result == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(result))
            throw GatewayStoreError(code: .queryFailed, sqliteCode: result, message: "\(text) (in: \(sql))")
        }
    }

    /// Prepares `sql`, binds `values`, and hands the statement to `body`.
    func withStatement<T>(
        _ sql: String,
        _ values: [SQLiteStatement.Value] = [],
        _ body: (SQLiteStatement) throws(GatewayStoreError) -> T
    ) throws(GatewayStoreError) -> T {
        let handle = try openHandle()
        var prepared: OpaquePointer?
        let result = sqlite3_prepare_v2(handle, sql, -1, &prepared, nil)
        guard result == SQLITE_OK, let prepared else {
            throw Self.error(handle, result, "preparing \(sql)")
        }
        let statement = SQLiteStatement(handle: prepared, connection: handle)
        try statement.bind(values)
        return try body(statement)
    }

    /// Runs a statement to its end and returns every row.
    func rows(_ sql: String, _ values: [SQLiteStatement.Value] = [], columns: Int32) throws(GatewayStoreError)
        -> [[SQLiteStatement.Value]]
    {
        try withStatement(sql, values) { statement throws(GatewayStoreError) in
            var rows: [[SQLiteStatement.Value]] = []
            while try statement.step() {
                rows.append((0..<columns).map(statement.column))
            }
            return rows
        }
    }

    /// Runs a statement that returns no rows; returns how many rows it changed.
    @discardableResult
    func run(_ sql: String, _ values: [SQLiteStatement.Value] = []) throws(GatewayStoreError) -> Int {
        let handle = try openHandle()
        try withStatement(sql, values) { statement throws(GatewayStoreError) in
            while try statement.step() {}
        }
        return Int(sqlite3_changes(handle))
    }

    /// Runs `body` in a transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so
    /// that a read followed by a write cannot interleave with another writer.
    func immediateTransaction<T>(_ body: () throws(GatewayStoreError) -> T) throws(GatewayStoreError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // The body's error is the one to report; a failed ROLLBACK leaves nothing to undo,
            // since SQLite rolls back by itself when it cannot commit.
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in a deferred transaction: for a reader, every query inside sees the same
    /// snapshot of the file, however many commits other connections make meanwhile.
    func readTransaction<T>(_ body: () throws(GatewayStoreError) -> T) throws(GatewayStoreError) -> T {
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The rowid of the last row this connection inserted (an `INTEGER PRIMARY KEY`).
    func lastInsertedRowID() throws(GatewayStoreError) -> Int64 {
        sqlite3_last_insert_rowid(try openHandle())
    }

    private func openHandle() throws(GatewayStoreError) -> OpaquePointer {
        guard let handle else {
            throw GatewayStoreError(code: .closed, message: "the store was closed")
        }
        return handle
    }

    static func error(_ handle: OpaquePointer, _ result: Int32, _ doing: String) -> GatewayStoreError {
        GatewayStoreError(
            code: .queryFailed,
            sqliteCode: result,
            message: "SQLite failed \(doing): \(String(cString: sqlite3_errmsg(handle)))"
        )
    }
}

@available(*, unavailable)
extension SQLiteConnection: Sendable {}
