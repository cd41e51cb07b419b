/// The writes of the event log, run by ``EventLogWriter`` on its thread only: one transaction
/// per batch of operations (group commit), and retention in chunks.
///
/// It keeps the latest offset and the log's totals as committed, so a batch needs no query to
/// learn them.
struct EventLogCommitter {
    /// What committing one batch produced: the callbacks to run, and the new latest offset if
    /// the batch appended events.
    struct Outcome {
        var completions: [@Sendable () -> Void] = []
        var appendedThrough: Int64?
        /// How many operations failed because their transaction did.
        var failures = 0
    }

    /// What one retention step deleted.
    struct RetentionStep {
        var deletedEvents = 0
        var deletedBytes: Int64 = 0
        /// `true` once the oldest event left is one the policy keeps (or the log is empty).
        var done = true
    }

    /// The most rows one retention transaction deletes, so appends wait at most for one chunk.
    static let retentionChunk = 2_000

    private let database: SQLiteDatabase
    private(set) var latest: Int64
    private var totalEvents: Int64
    private var totalBytes: Int64

    /// A committer over the writer's connection, starting from what the file holds.
    init(database: SQLiteDatabase) throws(GatewayStoreError) {
        self.database = database
        (latest, totalEvents, totalBytes) = try database.withConnection { connection throws(GatewayStoreError) in
            let totals = try connection.rows("SELECT events, bytes FROM event_log_totals WHERE id = 1", columns: 2)
            let latest = try EventLogQueries.latestOffset(connection)
            return (latest, totals.first?[0].integerValue ?? 0, totals.first?[1].integerValue ?? 0)
        }
    }

    /// Commits `operations` in one transaction. When that fails, each operation is tried in a
    /// transaction of its own, so one bad event fails alone.
    mutating func commit(_ operations: [EventLogOperation], now: Double) -> Outcome {
        do {
            return try commitTogether(operations, now: now)
        } catch {
            guard operations.count > 1 else {
                return Outcome(completions: [{ operations[0].fail(EventLogError(storage: error)) }], failures: 1)
            }
        }
        var outcome = Outcome()
        for operation in operations {
            let single = commit([operation], now: now)
            outcome.completions += single.completions
            outcome.appendedThrough = single.appendedThrough ?? outcome.appendedThrough
            outcome.failures += single.failures
        }
        return outcome
    }

    /// Deletes the oldest events the policy no longer keeps, at most ``retentionChunk`` of them,
    /// in one transaction.
    mutating func retentionStep(_ retention: EventRetention, now: Double) throws(GatewayStoreError) -> RetentionStep {
        let cutoff = retention.maxAge.map { now - $0.seconds }
        let excessEvents = retention.maxEvents.map { totalEvents - Int64($0) } ?? 0
        let excessBytes = retention.maxBytes.map { totalBytes - $0 } ?? 0
        guard cutoff != nil || excessEvents > 0 || excessBytes > 0 else {
            return RetentionStep()
        }

        let step = try database.withConnection { connection throws(GatewayStoreError) in
            try connection.immediateTransaction { () throws(GatewayStoreError) in
                let (step, cut) = try Self.oldestToDelete(
                    connection,
                    cutoff: cutoff,
                    excessEvents: excessEvents,
                    excessBytes: excessBytes
                )
                if let cut {
                    try connection.run("DELETE FROM events WHERE event_offset <= ?1", [.integer(cut)])
                    try connection.run(
                        "UPDATE event_log_totals SET events = events - ?1, bytes = bytes - ?2 WHERE id = 1",
                        [.integer(Int64(step.deletedEvents)), .integer(step.deletedBytes)]
                    )
                }
                return step
            }
        }
        totalEvents -= Int64(step.deletedEvents)
        totalBytes -= step.deletedBytes
        return step
    }

    /// Walks the oldest events (at most ``retentionChunk``) up to the first one the policy
    /// keeps; returns what deleting the ones before it removes, and the last offset to delete.
    private static func oldestToDelete(
        _ connection: SQLiteConnection,
        cutoff: Double?,
        excessEvents: Int64,
        excessBytes: Int64
    ) throws(GatewayStoreError) -> (RetentionStep, Int64?) {
        try connection.withStatement(
            "SELECT event_offset, received_at, size FROM events ORDER BY event_offset LIMIT ?1",
            [.integer(Int64(retentionChunk))]
        ) { rows throws(GatewayStoreError) in
            var step = RetentionStep(done: false)
            var cut: Int64?
            var seen = 0
            while try rows.step() {
                seen += 1
                let tooOld = cutoff.map { (rows.column(1).realValue ?? 0) < $0 } ?? false
                let tooMany = Int64(step.deletedEvents) < excessEvents || step.deletedBytes < excessBytes
                guard tooOld || tooMany else {
                    step.done = true
                    return (step, cut)
                }
                cut = rows.column(0).integerValue
                step.deletedEvents += 1
                step.deletedBytes += rows.column(2).integerValue ?? 0
            }
            step.done = seen < retentionChunk
            return (step, cut)
        }
    }

    /// The oldest offset kept.
    func oldestOffset() throws(GatewayStoreError) -> Int64? {
        try database.withConnection { connection throws(GatewayStoreError) in
            try EventLogQueries.oldestOffset(connection)
        }
    }

    private mutating func commitTogether(_ operations: [EventLogOperation], now: Double) throws(GatewayStoreError)
        -> Outcome
    {
        let start = latest
        let batch = try database.withConnection { connection throws(GatewayStoreError) in
            try connection.immediateTransaction { () throws(GatewayStoreError) in
                var batch = BatchWriter(connection: connection, latest: start, now: now)
                for operation in operations {
                    try batch.apply(operation)
                }
                try batch.updateTotals()
                return batch.result
            }
        }
        latest = batch.latest
        totalEvents += batch.addedEvents
        totalBytes += batch.addedBytes
        return Outcome(completions: batch.completions, appendedThrough: batch.latest > start ? batch.latest : nil)
    }
}

/// The work of one batch transaction, on the writer's connection while it holds the lock.
private struct BatchWriter {
    /// What a committed batch hands back; `Sendable`, since it leaves the connection's lock.
    struct Result: Sendable {
        var completions: [@Sendable () -> Void]
        var latest: Int64
        var addedEvents: Int64
        var addedBytes: Int64
    }

    let connection: SQLiteConnection
    let now: Double
    var result: Result

    var latest: Int64 { result.latest }

    init(connection: SQLiteConnection, latest: Int64, now: Double) {
        self.connection = connection
        self.now = now
        self.result = Result(completions: [], latest: latest, addedEvents: 0, addedBytes: 0)
    }

    mutating func apply(_ operation: EventLogOperation) throws(GatewayStoreError) {
        switch operation {
        case .append(let event, let completion):
            let appended = try append(event)
            result.completions.append { completion(.success(appended)) }
        case .acknowledge(let name, let offset, let completion):
            let acknowledged = try acknowledge(offset, consumer: name)
            result.completions.append { completion(acknowledged) }
        }
    }

    mutating func updateTotals() throws(GatewayStoreError) {
        guard result.addedEvents > 0 else {
            return
        }
        try connection.run(
            "UPDATE event_log_totals SET events = events + ?1, bytes = bytes + ?2 WHERE id = 1",
            [.integer(result.addedEvents), .integer(result.addedBytes)]
        )
    }

    private mutating func append(_ event: GatewayEvent) throws(GatewayStoreError) -> EventAppendResult {
        let dedupeKey = event.dedupeKey.flatMap { $0.isEmpty ? nil : $0 }
        if let dedupeKey {
            let rows = try connection.rows(
                "SELECT event_offset FROM events WHERE dedupe_key = ?1",
                [.text(dedupeKey)],
                columns: 1
            )
            if let offset = rows.first?[0].integerValue {
                return EventAppendResult(offset: offset, isDuplicate: true)
            }
        }

        let parameters = EventParameterCoding.encode(event.parameters)
        let size = Int64(parameters.count + event.typedFieldBytes)
        try connection.run(
            """
            INSERT INTO events (type, received_at, message_sid, call_sid, account_sid, from_number, to_number, \
            status, dedupe_key, parameters, size) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """,
            [
                .text(event.type.rawValue), .real(event.receivedAt), .optionalText(event.messageSID),
                .optionalText(event.callSID), .optionalText(event.accountSID), .optionalText(event.from),
                .optionalText(event.to), .optionalText(event.status), .optionalText(dedupeKey), .blob(parameters),
                .integer(size),
            ]
        )
        let offset = try connection.lastInsertedRowID()
        result.latest = offset
        result.addedEvents += 1
        result.addedBytes += size
        return EventAppendResult(offset: offset, isDuplicate: false)
    }

    /// An invalid acknowledgement fails alone; it does not throw, so the batch still commits.
    private func acknowledge(_ offset: Int64, consumer name: String) throws(GatewayStoreError)
        -> Swift.Result<Int64, EventLogError>
    {
        guard offset <= result.latest else {
            return .failure(
                EventLogError(
                    code: .invalidArgument,
                    message: "cannot acknowledge offset \(offset): the latest offset is \(result.latest)"
                )
            )
        }
        let rows = try connection.rows(
            """
            INSERT INTO event_consumers (name, acknowledged_offset, updated_at) VALUES (?1, ?2, ?3)
            ON CONFLICT (name) DO UPDATE SET
                acknowledged_offset = max(acknowledged_offset, excluded.acknowledged_offset),
                updated_at = excluded.updated_at
            RETURNING acknowledged_offset
            """,
            [.text(name), .integer(offset), .real(now)],
            columns: 1
        )
        return .success(rows.first?[0].integerValue ?? offset)
    }
}

extension GatewayEvent {
    /// The UTF-8 bytes of the type, the typed fields and the dedupe key.
    fileprivate var typedFieldBytes: Int {
        [type.rawValue, messageSID, callSID, accountSID, from, to, status, dedupeKey].reduce(0) {
            $0 + ($1?.utf8.count ?? 0)
        }
    }
}
