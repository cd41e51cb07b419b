/// One log event as it reaches a ``LogHandler``.
public struct LogRecord: Sendable, Equatable {
    /// The event's severity.
    public var level: LogLevel
    /// A fixed text naming the event, such as `rpc.call.finished`; values go in ``metadata``.
    public var message: String
    /// The logger's label, naming the component that logged.
    public var label: String
    /// Key-value pairs with dotted keys such as `rpc.method`.
    public var metadata: [String: String]
    /// When the event happened, in seconds since 1970.
    public var timestamp: Double

    /// Creates a record.
    public init(level: LogLevel, message: String, label: String, metadata: [String: String], timestamp: Double) {
        self.level = level
        self.message = message
        self.label = label
        self.metadata = metadata
        self.timestamp = timestamp
    }
}

/// Receives log records and writes them somewhere.
public protocol LogHandler: Sendable {
    /// Writes one record. Called from any thread.
    func write(_ record: LogRecord)
}
