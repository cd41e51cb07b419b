/// The tables of the event log's own file (`events.sqlite3`), one migration per schema version
/// (applied by ``SQLiteConnection/migrate(_:)``).
///
/// - `events`: one row per event. `AUTOINCREMENT` makes SQLite keep the largest offset ever
///   given out in `sqlite_sequence`, so offsets are never reused after retention deletes the
///   newest rows too. `size` is the event's content in bytes, for size-based retention.
///   Partial indexes serve the filters (a sid, a number) and the dedupe lookup; the time index
///   covers `firstOffset(receivedAtOrAfter:)`.
/// - `event_consumers`: each named consumer's acknowledged offset.
/// - `event_log_totals`: the row count and content bytes of `events`, kept in the same
///   transactions as the rows, so retention never has to sum the table.
enum EventLogSchema {
    static let migrations: [String] = [
        """
        CREATE TABLE events (
            event_offset INTEGER PRIMARY KEY AUTOINCREMENT,
            type TEXT NOT NULL,
            received_at REAL NOT NULL,
            message_sid TEXT,
            call_sid TEXT,
            account_sid TEXT,
            from_number TEXT,
            to_number TEXT,
            status TEXT,
            dedupe_key TEXT,
            parameters BLOB NOT NULL,
            size INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX events_by_dedupe_key ON events (dedupe_key) WHERE dedupe_key IS NOT NULL;
        CREATE INDEX events_by_time ON events (received_at, event_offset);
        CREATE INDEX events_by_message_sid ON events (message_sid) WHERE message_sid IS NOT NULL;
        CREATE INDEX events_by_call_sid ON events (call_sid) WHERE call_sid IS NOT NULL;
        CREATE INDEX events_by_from ON events (from_number) WHERE from_number IS NOT NULL;
        CREATE INDEX events_by_to ON events (to_number) WHERE to_number IS NOT NULL;
        CREATE TABLE event_consumers (
            name TEXT PRIMARY KEY,
            acknowledged_offset INTEGER NOT NULL,
            updated_at REAL NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE event_log_totals (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            events INTEGER NOT NULL,
            bytes INTEGER NOT NULL
        );
        INSERT INTO event_log_totals (id, events, bytes) VALUES (1, 0, 0);
        """
    ]
}
