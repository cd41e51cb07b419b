internal import GatewayStore
internal import Testing

@testable internal import TwilioGatewayCLI

@Suite("Event retention settings of serve")
struct EventRetentionSettingsTests {
    private func settings(_ words: [String], environment: [String: String] = [:]) throws -> EventRetentionSettings {
        var arguments = try CommandArguments(words, options: EventRetentionSettings.optionNames, flags: [])
        return try EventRetentionSettings(arguments: &arguments, environment: Environment(environment))
    }

    @Test("the default keeps seven days and 1 GiB of events")
    func defaults() throws {
        #expect(try settings([]).retention == .standard)
    }

    @Test("flags and environment variables set each limit, and 0 switches one off")
    func limits() throws {
        let flags = try settings(["--event-retention-age", "3600", "--event-retention-events", "500"])
        #expect(flags.retention == EventRetention(maxAge: .seconds(3600), maxEvents: 500, maxBytes: 1 << 30))

        let environment = try settings(
            [],
            environment: ["GATEWAY_EVENT_RETENTION_AGE": "0", "GATEWAY_EVENT_RETENTION_BYTES": "0"]
        )
        #expect(environment.retention == .unlimited)

        let both = try settings(
            ["--event-retention-bytes", "2048"],
            environment: ["GATEWAY_EVENT_RETENTION_BYTES": "9"]
        )
        #expect(both.retention.maxBytes == 2048, "the flag wins over the environment")
    }

    @Test(
        "values that are not whole numbers in range are refused, naming the setting",
        arguments: [
            ("--event-retention-age", "-1"), ("--event-retention-age", "1.5"), ("--event-retention-events", "many"),
            ("--event-retention-bytes", "99999999999999999999"),
        ]
    )
    func refused(option: String, value: String) throws {
        let error = #expect(throws: CommandArguments.ParseError.self) {
            try settings([option, value])
        }
        #expect(error?.description.contains(option) == true)
    }
}
