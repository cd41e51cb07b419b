internal import Foundation

/// Reads a running gateway's `events.sqlite3` with Python's `sqlite3`, read-only, since the
/// gateway holds the log's lock while it runs.
enum EventLogFile {
    /// One stored event, as far as the tests look at it.
    struct Row: Decodable, Sendable {
        var offset: Int64
        var type: String
        var messageSID: String?
        var callSID: String?
        var from: String?
        var to: String?
        var status: String?
        var dedupeKey: String?
    }

    static let script = """
        import json, sqlite3, sys
        db = sqlite3.connect("file:" + sys.argv[1] + "/events.sqlite3?mode=ro", uri=True)
        rows = db.execute("SELECT event_offset, type, message_sid, call_sid, from_number, to_number, status, "
                          "dedupe_key FROM events ORDER BY event_offset").fetchall()
        keys = ["offset", "type", "messageSID", "callSID", "from", "to", "status", "dedupeKey"]
        print(json.dumps([dict(zip(keys, row)) for row in rows]))
        """

    /// Every event in the log of the gateway whose data directory is `directory`.
    static func rows(in directory: String) async throws -> [Row] {
        let outcome = try await Program.run("/usr/bin/env", ["python3", "-c", script, directory])
        guard outcome.status == 0 else {
            throw Program.Failure(description: "reading the event log failed: \(outcome)")
        }
        return try JSONDecoder().decode([Row].self, from: Data(outcome.output.utf8))
    }

    /// Waits up to 10 seconds until `condition` holds for the log's events; returns them then.
    static func waitFor(in directory: String, _ condition: ([Row]) -> Bool) async throws -> [Row] {
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            let rows = try await rows(in: directory)
            if condition(rows) || ContinuousClock.now > deadline {
                return rows
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
