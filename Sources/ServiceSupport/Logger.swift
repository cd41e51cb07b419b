/// A structured logger shaped like swift-log's: fixed message texts, dotted metadata keys.
///
/// A logger is a value: `with(_:_:)` returns a copy that adds metadata, so a request's
/// logger can carry its request ID down the call. Values that are secrets must never
/// be passed as metadata; phone numbers go through ``Redaction/phoneNumber(_:)``.
public struct Logger: Sendable {
    /// The component that logs, such as `gateway.rpc`.
    public var label: String
    /// Events below this level are dropped.
    public var minimumLevel: LogLevel
    /// Metadata added to every event of this logger.
    public var metadata: [String: String]
    private let handler: any LogHandler

    /// Creates a logger.
    ///
    /// - Parameters:
    ///   - label: The component that logs.
    ///   - handler: Where records go.
    ///   - minimumLevel: Events below this level are dropped.
    public init(label: String, handler: any LogHandler, minimumLevel: LogLevel = .info) {
        self.label = label
        self.handler = handler
        self.minimumLevel = minimumLevel
        self.metadata = [:]
    }

    /// A logger that drops everything.
    public static let disabled = Logger(label: "disabled", handler: DiscardingLogHandler(), minimumLevel: .critical)

    /// Returns a copy of this logger that adds `value` under `key` to every event.
    public func with(_ key: String, _ value: String) -> Logger {
        var copy = self
        copy.metadata[key] = value
        return copy
    }

    /// Returns a copy of this logger with another label.
    public func labeled(_ label: String) -> Logger {
        var copy = self
        copy.label = label
        return copy
    }

    /// Logs `message` at `level` with extra metadata.
    public func log(_ level: LogLevel, _ message: String, _ extra: [String: String] = [:]) {
        guard level >= minimumLevel else {
            return
        }
        let merged = metadata.merging(extra) { _, new in new }
        let record = LogRecord(
            level: level,
            message: message,
            label: label,
            metadata: merged,
            timestamp: Timestamp.now()
        )
        handler.write(record)
    }

    /// Logs at trace level.
    public func trace(_ message: String, _ extra: [String: String] = [:]) { log(.trace, message, extra) }
    /// Logs at debug level.
    public func debug(_ message: String, _ extra: [String: String] = [:]) { log(.debug, message, extra) }
    /// Logs at info level.
    public func info(_ message: String, _ extra: [String: String] = [:]) { log(.info, message, extra) }
    /// Logs at notice level.
    public func notice(_ message: String, _ extra: [String: String] = [:]) { log(.notice, message, extra) }
    /// Logs at warning level.
    public func warning(_ message: String, _ extra: [String: String] = [:]) { log(.warning, message, extra) }
    /// Logs at error level.
    public func error(_ message: String, _ extra: [String: String] = [:]) { log(.error, message, extra) }
    /// Logs at critical level.
    public func critical(_ message: String, _ extra: [String: String] = [:]) { log(.critical, message, extra) }
}

/// A handler that drops every record.
public struct DiscardingLogHandler: LogHandler {
    /// Creates the handler.
    public init() {}

    public func write(_ record: LogRecord) {}
}
