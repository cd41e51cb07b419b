internal import Synchronization

/// Keeps every record in memory, for tests that assert on what was logged.
public final class InMemoryLogHandler: LogHandler {
    private let storage = Mutex<[LogRecord]>([])

    /// Creates an empty handler.
    public init() {}

    /// Every record written so far, oldest first.
    public var records: [LogRecord] {
        storage.withLock { $0 }
    }

    /// Every record written so far, formatted as the JSON lines a real run would print.
    public var lines: [String] {
        records.map(JSONLinesLogHandler.format)
    }

    public func write(_ record: LogRecord) {
        storage.withLock { $0.append(record) }
    }
}
