internal import Synchronization

/// The event log's read connections: separate from the writer's, so in WAL mode a read never
/// waits for a commit or its fsync. Each call borrows an idle connection or opens one, and
/// gives it back; at most `maxIdle` stay open between calls.
final class EventLogReaders: Sendable {
    private struct Pool {
        var idle: [SQLiteDatabase] = []
        var closed = false
    }

    private let path: String
    private let maxIdle: Int
    private let pool = Mutex(Pool())

    /// Readers of the event log file at `path`, which the writer has already set up.
    init(path: String, maxIdle: Int) {
        self.path = path
        self.maxIdle = maxIdle
    }

    /// Runs `body` with a read connection, on the calling thread.
    func withReader<T: Sendable>(_ body: (SQLiteConnection) throws(GatewayStoreError) -> T)
        throws(EventLogError) -> T
    {
        let database = try borrow()
        defer { giveBack(database) }
        do {
            return try database.withConnection(body)
        } catch {
            throw EventLogError(storage: error)
        }
    }

    /// Closes every idle connection; later reads fail with ``EventLogError/Code/closed``.
    func close() {
        let idle = pool.withLock { pool in
            pool.closed = true
            defer { pool.idle = [] }
            return pool.idle
        }
        for database in idle {
            database.close()
        }
    }

    private func borrow() throws(EventLogError) -> SQLiteDatabase {
        let borrowed = try pool.withLock { pool throws(EventLogError) -> SQLiteDatabase? in
            guard !pool.closed else {
                throw EventLogError(code: .closed, message: "the event log was closed")
            }
            return pool.idle.popLast()
        }
        if let borrowed {
            return borrowed
        }
        do {
            return try SQLiteDatabase(readerOf: path)
        } catch {
            throw EventLogError(storage: error)
        }
    }

    private func giveBack(_ database: SQLiteDatabase) {
        let kept = pool.withLock { pool in
            guard !pool.closed, pool.idle.count < maxIdle else {
                return false
            }
            pool.idle.append(database)
            return true
        }
        if !kept {
            database.close()
        }
    }
}
