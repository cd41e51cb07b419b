public import ServiceSupport

/// The embedded ``EventLog``: SQLite in WAL mode with `synchronous=FULL`, in its own file
/// (``fileName``) in the data directory, with group commit.
///
/// One writer thread commits every append and acknowledgement; appends that arrive while it
/// commits are batched into its next transaction, so concurrent webhooks share an fsync. An
/// append returns once its transaction has committed, which with `synchronous=FULL` means
/// the WAL has been fsynced. Reads use connections of their own and never wait for the
/// writer. At most ``Configuration/maxPendingAppends`` writes wait; more fail at once with
/// ``EventLogError/Code/overloaded``.
///
/// The log has its own file rather than tables in ``GatewayStore``'s, so that its writer
/// holds the only write lock on it: an idempotency claim never waits behind a batch's fsync,
/// and a batch never waits behind a claim. One open log at a time may use a file: a second
/// one, in any process, fails to open (a lock file, `events.sqlite3.lock`, says so).
///
/// ```swift
/// let log = try SQLiteEventLog(directory: dataDirectory)
/// let stored = try await log.append(event)
/// let batch = try await log.read(after: 0, limit: 100, filter: .all)
/// await log.close()
/// ```
public final class SQLiteEventLog: EventLog {
    /// The name of the log's file inside the data directory.
    public static let fileName = "events.sqlite3"

    /// The database file.
    public let path: String
    /// The settings the log was opened with.
    public let configuration: Configuration
    private let writer: EventLogWriter
    private let readers: EventLogReaders
    private let notifier: EventLogNotifier
    private let fileLock: EventLogFileLock

    /// Opens (creating if needed) the event log file at `path` and starts its writer thread.
    ///
    /// - Parameters:
    ///   - path: The database file; its directory must exist.
    ///   - configuration: Retention, queue bound, batch size.
    ///   - logger: For the writer's trace, debug and retention lines.
    ///   - clock: The wall clock in seconds since 1970, for retention by age.
    /// - Throws: ``EventLogError`` with ``EventLogError/Code/storageFailed`` when the file
    ///   cannot be opened, cannot use WAL, was written by a newer gateway, or is open in
    ///   another log (of this process or another).
    public init(
        path: String,
        configuration: Configuration = Configuration(),
        logger: Logger = .disabled,
        clock: @escaping @Sendable () -> Double = { Timestamp.now() }
    ) throws(EventLogError) {
        self.path = path
        self.configuration = configuration
        let notifier = EventLogNotifier()
        do {
            fileLock = try EventLogFileLock(path: path + ".lock")
            let database = try SQLiteDatabase(path: path, migrations: EventLogSchema.migrations)
            writer = try EventLogWriter(
                database: database,
                configuration: configuration,
                notifier: notifier,
                logger: logger.labeled("gateway.event-log"),
                clock: clock
            )
        } catch {
            throw EventLogError(storage: error)
        }
        self.notifier = notifier
        readers = EventLogReaders(path: path, maxIdle: configuration.idleReaders)
    }

    /// Opens ``fileName`` in the data directory `directory`.
    ///
    /// - Parameters:
    ///   - directory: The data directory, such as `GATEWAY_DATA_DIR`; it must exist.
    ///   - configuration: Retention, queue bound, batch size.
    ///   - logger: For the writer's trace, debug and retention lines.
    ///   - clock: The wall clock in seconds since 1970.
    /// - Throws: ``EventLogError`` as ``init(path:configuration:logger:clock:)`` does.
    public convenience init(
        directory: String,
        configuration: Configuration = Configuration(),
        logger: Logger = .disabled,
        clock: @escaping @Sendable () -> Double = { Timestamp.now() }
    ) throws(EventLogError) {
        let trimmed = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        try self.init(
            path: (trimmed.isEmpty ? "." : trimmed) + "/" + Self.fileName,
            configuration: configuration,
            logger: logger,
            clock: clock
        )
    }

    deinit {
        let fileLock = fileLock
        writer.stop { fileLock.release() }
        readers.close()
        notifier.finish()
    }

    /// See ``EventLog/append(_:)``. Waits, off the cooperative pool, for the writer thread's
    /// commit.
    public func append(_ event: GatewayEvent) async throws(EventLogError) -> EventAppendResult {
        let result = await withCheckedContinuation { continuation in
            writer.submit(.append(event) { continuation.resume(returning: $0) })
        }
        return try result.get()
    }

    /// See ``EventLog/read(after:limit:filter:)``; `limit` is capped at
    /// ``Configuration/maxReadLimit``. Runs on the calling thread, briefly.
    public func read(after offset: Int64, limit: Int, filter: EventFilter) async throws(EventLogError)
        -> EventBatch
    {
        guard offset >= 0, limit > 0 else {
            throw EventLogError(
                code: .invalidArgument,
                message: "read needs an offset of 0 or more and a limit of 1 or more (got \(offset), \(limit))"
            )
        }
        let capped = min(limit, configuration.maxReadLimit)
        return try readers.withReader { connection throws(GatewayStoreError) in
            try EventLogQueries.read(connection, after: offset, limit: capped, filter: filter)
        }
    }

    /// See ``EventLog/read(before:limit:filter:)``; `limit` is capped at
    /// ``Configuration/maxReadLimit``. Runs on the calling thread, briefly.
    public func read(before offset: Int64, limit: Int, filter: EventFilter) async throws(EventLogError)
        -> [LoggedEvent]
    {
        guard limit > 0 else {
            throw EventLogError(code: .invalidArgument, message: "read needs a limit of 1 or more (got \(limit))")
        }
        let capped = min(limit, configuration.maxReadLimit)
        return try readers.withReader { connection throws(GatewayStoreError) in
            try EventLogQueries.read(connection, before: offset, limit: capped, filter: filter)
        }
    }

    /// See ``EventLog/firstOffset(receivedAtOrAfter:)``.
    public func firstOffset(receivedAtOrAfter time: Double) async throws(EventLogError) -> Int64? {
        try readers.withReader { connection throws(GatewayStoreError) in
            try EventLogQueries.firstOffset(connection, receivedAtOrAfter: time)
        }
    }

    /// See ``EventLog/latestOffset()``; answered from memory.
    public func latestOffset() async throws(EventLogError) -> Int64 {
        writer.latestOffset
    }

    /// See ``EventLog/acknowledgedOffset(consumer:)``.
    public func acknowledgedOffset(consumer name: String) async throws(EventLogError) -> Int64? {
        try readers.withReader { connection throws(GatewayStoreError) in
            try EventLogQueries.acknowledgedOffset(connection, consumer: name)
        }
    }

    /// See ``EventLog/acknowledge(_:consumer:)``. The acknowledgement joins the writer's next
    /// batch, so it costs no fsync of its own under load.
    public func acknowledge(_ offset: Int64, consumer name: String) async throws(EventLogError) -> Int64 {
        guard !name.isEmpty, offset >= 0 else {
            throw EventLogError(
                code: .invalidArgument,
                message: "acknowledge needs a consumer name and an offset of 0 or more (got \"\(name)\", \(offset))"
            )
        }
        let result = await withCheckedContinuation { continuation in
            writer.submit(.acknowledge(consumer: name, offset: offset) { continuation.resume(returning: $0) })
        }
        return try result.get()
    }

    /// See ``EventLog/enforceRetention()``. Runs on the writer thread in chunks of a few
    /// thousand events, letting appends in between.
    public func enforceRetention() async throws(EventLogError) -> RetentionReport {
        let result = await withCheckedContinuation { continuation in
            writer.enforceRetention { continuation.resume(returning: $0) }
        }
        return try result.get()
    }

    /// See ``EventLog/latestOffsets()``.
    public func latestOffsets() -> AsyncStream<Int64> {
        notifier.subscribe { writer.latestOffset }
    }

    /// See ``EventLog/close()``: returns once every accepted write has committed (or failed)
    /// and the writer's connection is closed.
    public func close() async {
        await withCheckedContinuation { continuation in
            writer.stop { continuation.resume() }
        }
        readers.close()
        notifier.finish()
        fileLock.release()
    }
}
