internal import CSQLite

/// One prepared statement of a ``SQLiteConnection``; finalized when released.
///
/// Lives only inside ``SQLiteConnection/withStatement(_:_:)`` on the thread holding the
/// database's lock.
final class SQLiteStatement {
    /// A value bound to a `?` parameter or read from a column.
    enum Value: Equatable {
        case integer(Int64)
        case real(Double)
        case text(String)
        case blob([UInt8])
        case null
    }

    private let handle: OpaquePointer
    private let connection: OpaquePointer

    init(handle: OpaquePointer, connection: OpaquePointer) {
        self.handle = handle
        self.connection = connection
    }

    deinit {
        // sqlite3_finalize repeats the statement's last error, which step() has already reported.
        sqlite3_finalize(handle)
    }

    /// Binds `values` to the parameters `?1`, `?2`, … in order.
    func bind(_ values: [Value]) throws(GatewayStoreError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let result: Int32
            switch value {
            case .integer(let number): result = sqlite3_bind_int64(handle, index, number)
            case .real(let number): result = sqlite3_bind_double(handle, index, number)
            case .null: result = sqlite3_bind_null(handle, index)
            case .text(let text):
                result = text.withCString { pointer in
                    CSQLite_bind_text_transient(handle, index, pointer, Int32(text.utf8.count))
                }
            case .blob(let bytes):
                result = bytes.withUnsafeBytes { buffer in
                    CSQLite_bind_blob_transient(handle, index, buffer.baseAddress, Int32(buffer.count))
                }
            }
            guard result == SQLITE_OK else {
                throw SQLiteConnection.error(connection, result, "binding parameter \(index)")
            }
        }
    }

    /// Runs the statement one step: `true` when a row is ready to read, `false` when done.
    func step() throws(GatewayStoreError) -> Bool {
        let result = sqlite3_step(handle)
        switch result {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteConnection.error(connection, result, "running a statement")
        }
    }

    /// The value of column `index` (from 0) of the current row.
    func column(_ index: Int32) -> Value {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(handle, index) else {
                return .text("")
            }
            return .text(String(cString: text))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let bytes = sqlite3_column_blob(handle, index) else {
                return .blob([])
            }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }
}

@available(*, unavailable)
extension SQLiteStatement: Sendable {}
