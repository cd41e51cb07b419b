public import ServiceSupport

/// The gateway's durable state: one SQLite file in the data directory, in WAL mode.
///
/// The store owns the database; each kind of record gets a narrow view of it, such as
/// ``idempotencyKeys``, ``messageStatuses`` or ``optOuts``, so that tables live beside each
/// other without reaching into them. The event log has a file of its own
/// (``SQLiteEventLog``). Every method may be called from any thread; queries are short
/// and run one at a time, blocking the caller for the time of a commit.
///
/// ```swift
/// let store = try GatewayStore(directory: "data")
/// let claim = try store.idempotencyKeys.claim("key-1", scope: "SendSms", fingerprint: "…")
/// ```
public final class GatewayStore: Sendable {
    /// The name of the database file inside the data directory.
    public static let fileName = "gateway.sqlite3"

    /// The database file.
    public let path: String
    /// How long an idempotency key is kept after its first use.
    public let idempotencyKeyLifetime: Duration
    let database: SQLiteDatabase
    let clock: @Sendable () -> Double

    /// Opens the database file at `path`, creating it and its tables when needed.
    ///
    /// - Parameters:
    ///   - path: The database file; its directory must exist.
    ///   - idempotencyKeyLifetime: How long a key is kept; 24 hours by default.
    ///   - clock: The wall clock in seconds since 1970, for key expiry.
    /// - Throws: ``GatewayStoreError`` with code `openFailed` when the file cannot be opened,
    ///   cannot use WAL, or was written by a newer gateway.
    public init(
        path: String,
        idempotencyKeyLifetime: Duration = .seconds(24 * 60 * 60),
        clock: @escaping @Sendable () -> Double = { Timestamp.now() }
    ) throws(GatewayStoreError) {
        self.path = path
        self.idempotencyKeyLifetime = idempotencyKeyLifetime
        self.clock = clock
        self.database = try SQLiteDatabase(path: path, migrations: StoreSchema.migrations)
    }

    /// Opens ``fileName`` in the data directory `directory`.
    ///
    /// - Parameters:
    ///   - directory: The data directory, such as `GATEWAY_DATA_DIR`; it must exist.
    ///   - idempotencyKeyLifetime: How long a key is kept; 24 hours by default.
    ///   - clock: The wall clock in seconds since 1970.
    /// - Throws: ``GatewayStoreError`` as ``init(path:idempotencyKeyLifetime:clock:)`` does.
    public convenience init(
        directory: String,
        idempotencyKeyLifetime: Duration = .seconds(24 * 60 * 60),
        clock: @escaping @Sendable () -> Double = { Timestamp.now() }
    ) throws(GatewayStoreError) {
        let trimmed = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        try self.init(
            path: (trimmed.isEmpty ? "." : trimmed) + "/" + Self.fileName,
            idempotencyKeyLifetime: idempotencyKeyLifetime,
            clock: clock
        )
    }

    /// The idempotency keys of calls that create things at Twilio.
    public var idempotencyKeys: IdempotencyKeys {
        IdempotencyKeys(store: self)
    }

    /// The latest status of each message, moved only forward along
    /// ``StatusLifecycle/message``.
    public var messageStatuses: LatestStatuses {
        LatestStatuses(store: self, table: "message_statuses", lifecycle: .message)
    }

    /// The latest status of each call, moved only forward along ``StatusLifecycle/call``.
    public var callStatuses: LatestStatuses {
        LatestStatuses(store: self, table: "call_statuses", lifecycle: .call)
    }

    /// The numbers that opted out of messages, and from whom.
    public var optOuts: OptOuts {
        OptOuts(store: self)
    }

    /// The API keys callers present, each stored as a hash of its secret.
    public var apiKeys: APIKeys {
        APIKeys(store: self)
    }

    /// Closes the database. Later calls fail with ``GatewayStoreError/Code/closed``; releasing
    /// the store closes it too.
    public func close() {
        database.close()
    }
}
