internal import GatewayStore

/// How long `serve` keeps events in its log: by age, by event count and by size, each of which
/// can be switched off with 0.
struct EventRetentionSettings {
    var retention = EventRetention.standard

    static let optionNames: Set<String> = ["event-retention-age", "event-retention-events", "event-retention-bytes"]

    static let help = """
        Event log (events.sqlite3 in the data directory; the oldest events go once a limit is passed):
          --event-retention-age SECONDS
                                     Delete events older than this; 0 for no age limit
                                     [GATEWAY_EVENT_RETENTION_AGE] (default 604800, seven days)
          --event-retention-events N Keep at most N events; 0 for no count limit
                                     [GATEWAY_EVENT_RETENTION_EVENTS] (default 0)
          --event-retention-bytes N  Keep at most N bytes of event content (the file is about twice
                                     that); 0 for no size limit [GATEWAY_EVENT_RETENTION_BYTES]
                                     (default 1073741824, 1 GiB)
        """

    /// The defaults: seven days and 1 GiB.
    init() {}

    /// Reads the settings.
    ///
    /// - Throws: ``CommandArguments/ParseError`` naming the setting that is wrong.
    init(arguments: inout CommandArguments, environment: Environment) throws {
        if let given = arguments.setting(
            "event-retention-age",
            variable: "GATEWAY_EVENT_RETENTION_AGE",
            in: environment
        ) {
            let seconds = try Self.limit(given, maximum: 100 * 365 * 86_400)
            retention.maxAge = seconds == 0 ? nil : .seconds(seconds)
        }
        if let given = arguments.setting(
            "event-retention-events",
            variable: "GATEWAY_EVENT_RETENTION_EVENTS",
            in: environment
        ) {
            let count = try Self.limit(given, maximum: Int64(Int32.max) * 1024)
            retention.maxEvents = count == 0 ? nil : Int(count)
        }
        if let given = arguments.setting(
            "event-retention-bytes",
            variable: "GATEWAY_EVENT_RETENTION_BYTES",
            in: environment
        ) {
            let bytes = try Self.limit(given, maximum: 1 << 50)
            retention.maxBytes = bytes == 0 ? nil : bytes
        }
    }

    private static func limit(_ given: SettingText, maximum: Int64) throws -> Int64 {
        guard let value = Int64(given.text), (0...maximum).contains(value) else {
            throw CommandArguments.ParseError(
                description: "\(given.source) needs a whole number from 0 (no limit) to \(maximum)"
            )
        }
        return value
    }
}
