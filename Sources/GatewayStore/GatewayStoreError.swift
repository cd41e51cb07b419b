/// Why the store could not be opened or could not run a query.
public struct GatewayStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure; new kinds may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case openFailed
            case queryFailed
            case closed
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// The database file could not be opened, created or set up (WAL, schema).
        public static let openFailed = Code(.openFailed)
        /// SQLite refused a query; ``GatewayStoreError/sqliteCode`` says why.
        public static let queryFailed = Code(.queryFailed)
        /// The store was closed with ``GatewayStore/close()``.
        public static let closed = Code(.closed)

        /// The code's name.
        public var description: String {
            kind.rawValue
        }
    }

    /// The kind of failure.
    public var code: Code
    /// SQLite's result code, such as 5 (`SQLITE_BUSY`), or `nil` when SQLite did not fail.
    public var sqliteCode: Int32?
    /// What went wrong, with SQLite's own message when there is one.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - sqliteCode: SQLite's result code, if SQLite failed.
    ///   - message: What went wrong.
    public init(code: Code, sqliteCode: Int32? = nil, message: String) {
        self.code = code
        self.sqliteCode = sqliteCode
        self.message = message
    }

    /// The code, SQLite's code and the message.
    public var description: String {
        let sqlite = sqliteCode.map { " (SQLite code \($0))" } ?? ""
        return "GatewayStore \(code)\(sqlite): \(message)"
    }
}
