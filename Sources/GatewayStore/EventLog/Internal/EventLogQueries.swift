/// The event log's queries that only read, shared by the read connections and the writer.
enum EventLogQueries {
    /// The columns of an event row, in the order ``event(_:)`` reads them.
    static let eventColumns = """
        event_offset, type, received_at, message_sid, call_sid, account_sid, from_number, to_number, status, \
        dedupe_key, parameters
        """

    /// The offset of the latest event ever appended, or 0: SQLite keeps it in `sqlite_sequence`
    /// even after the row is deleted.
    static func latestOffset(_ connection: SQLiteConnection) throws(GatewayStoreError) -> Int64 {
        let row = try connection.rows("SELECT seq FROM sqlite_sequence WHERE name = 'events'", columns: 1).first
        return row.flatMap { $0[0].integerValue } ?? 0
    }

    /// The oldest offset still kept, or `nil` when the log is empty.
    static func oldestOffset(_ connection: SQLiteConnection) throws(GatewayStoreError) -> Int64? {
        try connection.rows("SELECT min(event_offset) FROM events", columns: 1).first?[0].integerValue
    }

    /// Reads one batch in one snapshot of the file; see ``EventLog/read(after:limit:filter:)``.
    static func read(_ connection: SQLiteConnection, after: Int64, limit: Int, filter: EventFilter)
        throws(GatewayStoreError) -> EventBatch
    {
        try connection.readTransaction { () throws(GatewayStoreError) in
            let latest = try latestOffset(connection)
            let oldest = try oldestOffset(connection)
            let (sql, values) = selection(after: after, latest: latest, limit: limit, filter: filter)
            var events: [LoggedEvent] = []
            for row in try connection.rows(sql, values, columns: 11) {
                events.append(try event(row))
            }

            let resumeAfter = events.count == limit ? events[events.count - 1].offset : max(after, latest)
            let firstKept = oldest ?? latest + 1
            let missed = after > 0 && after + 1 < firstKept && after < latest
            let gap = missed ? (after + 1)...(firstKept - 1) : nil
            return EventBatch(events: events, resumeAfter: resumeAfter, retentionGap: gap)
        }
    }

    /// The newest events below `before` passing `filter`, oldest first; see
    /// ``EventLog/read(before:limit:filter:)``.
    static func read(_ connection: SQLiteConnection, before: Int64, limit: Int, filter: EventFilter)
        throws(GatewayStoreError) -> [LoggedEvent]
    {
        var (sql, values) = conditions(
            "SELECT \(eventColumns) FROM events WHERE event_offset < ?1",
            [.integer(before)],
            filter: filter
        )
        values.append(.integer(Int64(limit)))
        sql += " ORDER BY event_offset DESC LIMIT ?\(values.count)"
        var events: [LoggedEvent] = []
        for row in try connection.rows(sql, values, columns: 11) {
            events.append(try event(row))
        }

        return events.reversed()
    }

    /// See ``EventLog/firstOffset(receivedAtOrAfter:)``. The time index covers the query, so it
    /// reads only index entries, from `time` on.
    static func firstOffset(_ connection: SQLiteConnection, receivedAtOrAfter time: Double)
        throws(GatewayStoreError) -> Int64?
    {
        let rows = try connection.rows(
            "SELECT min(event_offset) FROM events WHERE received_at >= ?1",
            [.real(time)],
            columns: 1
        )
        return rows.first?[0].integerValue
    }

    /// The acknowledged offset of consumer `name`, if it has one.
    static func acknowledgedOffset(_ connection: SQLiteConnection, consumer name: String)
        throws(GatewayStoreError) -> Int64?
    {
        let rows = try connection.rows(
            "SELECT acknowledged_offset FROM event_consumers WHERE name = ?1",
            [.text(name)],
            columns: 1
        )
        return rows.first?[0].integerValue
    }

    /// The query of one batch: offsets in `(after, latest]` passing `filter`, oldest first.
    private static func selection(after: Int64, latest: Int64, limit: Int, filter: EventFilter)
        -> (String, [SQLiteStatement.Value])
    {
        var (sql, values) = conditions(
            "SELECT \(eventColumns) FROM events WHERE event_offset > ?1 AND event_offset <= ?2",
            [.integer(after), .integer(latest)],
            filter: filter
        )
        values.append(.integer(Int64(limit)))
        sql += " ORDER BY event_offset LIMIT ?\(values.count)"
        return (sql, values)
    }

    /// `sql` and its `values` with the conditions of `filter` added.
    private static func conditions(_ sql: String, _ values: [SQLiteStatement.Value], filter: EventFilter)
        -> (String, [SQLiteStatement.Value])
    {
        var sql = sql
        var values = values
        if !filter.types.isEmpty {
            let first = values.count + 1
            let placeholders = (first..<(first + filter.types.count)).map { "?\($0)" }
            sql += " AND type IN (\(placeholders.joined(separator: ", ")))"
            values += filter.types.sorted().map { .text($0.rawValue) }
        }
        if let number = filter.phoneNumber {
            values.append(.text(number))
            sql += " AND (from_number = ?\(values.count) OR to_number = ?\(values.count))"
        }
        if let sid = filter.sid {
            values.append(.text(sid))
            sql += " AND (message_sid = ?\(values.count) OR call_sid = ?\(values.count))"
        }
        return (sql, values)
    }

    /// The event of a row selected with ``eventColumns``.
    static func event(_ row: [SQLiteStatement.Value]) throws(GatewayStoreError) -> LoggedEvent {
        let offset = row[0].integerValue ?? 0
        guard case .blob(let bytes) = row[10], let parameters = EventParameterCoding.decode(bytes) else {
            throw GatewayStoreError(
                code: .queryFailed,
                message: "event \(offset) has unreadable parameters; the event log file is damaged"
            )
        }
        let event = GatewayEvent(
            type: EventType(rawValue: row[1].textValue ?? ""),
            receivedAt: row[2].realValue ?? 0,
            messageSID: row[3].textValue,
            callSID: row[4].textValue,
            accountSID: row[5].textValue,
            from: row[6].textValue,
            to: row[7].textValue,
            status: row[8].textValue,
            dedupeKey: row[9].textValue,
            parameters: parameters
        )
        return LoggedEvent(offset: offset, event: event)
    }
}
