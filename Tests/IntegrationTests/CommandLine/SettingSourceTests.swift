internal import Testing

@testable internal import TwilioGatewayCLI

/// A value out of range is reported under the name it was given by: the flag, or the variable.
@Suite("Messages about a setting name where its value came from")
struct SettingSourceTests {
    private static func message(
        _ words: [String],
        _ environment: [String: String],
        options: Set<String>,
        read: (inout CommandArguments, Environment) throws -> Void
    ) throws -> String? {
        var arguments = try CommandArguments(words, options: options, flags: [])
        do {
            try read(&arguments, Environment(environment))
            return nil
        } catch let error as CommandArguments.ParseError {
            return error.description
        }
    }

    private static func limits(_ words: [String], _ environment: [String: String]) throws -> String? {
        try message(words, environment, options: LimitSettings.optionNames) { arguments, environment in
            _ = try LimitSettings(arguments: &arguments, environment: environment)
        }
    }

    @Test("a limit from its environment variable is reported under the variable's name")
    func limitFromEnvironment() throws {
        let whole = try Self.limits([], ["GATEWAY_GRAPHQL_MAX_STREAMS_PER_ADDRESS": "0"])
        #expect(whole == "GATEWAY_GRAPHQL_MAX_STREAMS_PER_ADDRESS needs a whole number from 1 to 1000, not '0'")
        let seconds = try Self.limits([], ["GATEWAY_RPC_IDLE_TIMEOUT": "0.5"])
        #expect(seconds == "GATEWAY_RPC_IDLE_TIMEOUT needs a number of seconds from 1.0 to 86400.0, not '0.5'")
    }

    @Test("a limit from its flag is reported under the flag, even when the variable is set too")
    func limitFromFlag() throws {
        let both = try Self.limits(
            ["--graphql-max-streams-per-address", "0"],
            ["GATEWAY_GRAPHQL_MAX_STREAMS_PER_ADDRESS": "5"]
        )
        #expect(both == "--graphql-max-streams-per-address needs a whole number from 1 to 1000, not '0'")
        #expect(try Self.limits([], ["GATEWAY_GRAPHQL_MAX_STREAMS_PER_ADDRESS": "1000"]) == nil)
    }

    @Test("event retention and answer windows from the environment name their variables")
    func siblingsFromEnvironment() throws {
        let retention = try Self.message([], ["GATEWAY_EVENT_RETENTION_AGE": "-1"], options: []) {
            _ = try EventRetentionSettings(arguments: &$0, environment: $1)
        }
        #expect(retention?.hasPrefix("GATEWAY_EVENT_RETENTION_AGE needs a whole number") == true, "\(retention ?? "")")
        let window = try Self.message([], ["GATEWAY_SMS_ANSWER_WINDOW": "20"], options: []) {
            _ = try WebhookSettings(arguments: &$0, environment: $1)
        }
        #expect(window?.hasPrefix("GATEWAY_SMS_ANSWER_WINDOW needs a number of seconds") == true, "\(window ?? "")")
    }
}
