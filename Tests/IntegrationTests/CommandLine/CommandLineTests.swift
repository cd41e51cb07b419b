internal import Testing

/// `twilio-gateway`'s help and its answer to words it does not know; nothing here starts a server.
@Suite("The twilio-gateway command line")
struct CommandLineTests {
    static let gateway = GatewayProcess.executablePath

    @Test(
        "--help exits 0 and prints the usage",
        arguments: [
            (["--help"], "Usage: twilio-gateway <command> [options]"),
            (["serve", "--help"], "Usage: twilio-gateway serve [options]"),
            (["send-sms", "--help"], "Usage: twilio-gateway send-sms --to NUMBER"),
        ]
    )
    func help(_ arguments: [String], usage: String) async throws {
        let outcome = try await Program.run(Self.gateway, arguments, timeLimit: .seconds(10))

        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.output.contains(usage), "\(outcome)")
        #expect(outcome.errorOutput.isEmpty, "\(outcome)")
    }

    @Test("serve --help and send-sms --help list their options")
    func helpListsOptions() async throws {
        let serve = try await Program.run(Self.gateway, ["serve", "--help"], timeLimit: .seconds(10))
        for option in [
            "--rpc-addr", "--http-addr", "--data-dir", "--upstream", "--graphql-timeout", "TWILIO_AUTH_TOKEN",
            "--graphql-max-streams", "--graphql-keepalive", "--http-connections-per-address", "--http-header-timeout",
        ] {
            #expect(serve.output.contains(option), "serve --help lacks \(option)")
        }
        let sendSms = try await Program.run(Self.gateway, ["send-sms", "--help"], timeLimit: .seconds(10))
        for option in [
            "--to", "--from", "--messaging-service-sid", "--body", "--media-url", "--status-callback", "--json",
        ] {
            #expect(sendSms.output.contains(option), "send-sms --help lacks \(option)")
        }
    }

    @Test(
        "an unknown option or command exits 64 with a message naming it",
        arguments: [
            (["serve", "--no-such-option", "1"], "--no-such-option"),
            (["serve", "--no-such-flag"], "--no-such-flag"),
            (["serve", "-v"], "-v"),
            (["send-sms", "--to", "+15551234567", "--from", "+15557654321", "--colour", "red"], "--colour"),
            (["no-such-command"], "no-such-command"),
        ]
    )
    func unknownWord(_ arguments: [String], named word: String) async throws {
        let outcome = try await Program.run(Self.gateway, arguments, timeLimit: .seconds(10))

        #expect(outcome.status == 64, "\(outcome)")
        let firstLine = outcome.errorOutput.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.contains(word), "\(outcome)")
    }

    @Test(
        "an option that takes one value, given twice, exits 64 naming it",
        arguments: [
            (["send-sms", "--to", "+15551234567", "--to", "+15557654321", "--from", "+1555", "--body", "x"], "--to"),
            (["serve", "--rpc-addr", "127.0.0.1:0", "--rpc-addr", "127.0.0.1:1"], "--rpc-addr"),
            (["verify", "check", "--service-sid", "VA1", "--to", "+1", "--code", "1", "--code=2"], "--code"),
            (["bulk-send", "--file", "a.csv", "--file", "b.csv", "--from", "+1", "--body", "x"], "--file"),
        ]
    )
    func repeatedOption(_ arguments: [String], named option: String) async throws {
        let outcome = try await Program.run(Self.gateway, arguments, timeLimit: .seconds(10))

        #expect(outcome.status == 64, "\(outcome)")
        #expect(
            outcome.errorOutput.contains("\(option) takes one value but was given 2 times; give it once"),
            "\(outcome)"
        )
    }

    @Test("a usage error is one line and a pointer to the command's --help, not the whole help")
    func usageErrorIsShort() async throws {
        let outcome = try await Program.run(
            Self.gateway,
            ["send-sms", "--to", "+15551234567", "--colour", "red"],
            timeLimit: .seconds(10)
        )

        #expect(outcome.status == 64, "\(outcome)")
        #expect(
            outcome.errorOutput
                == "send-sms: unknown option --colour\nRun 'twilio-gateway send-sms --help' for its options.\n"
        )
    }

    @Test("--version prints the version and exits 0", arguments: [["--version"], ["version"]])
    func version(_ arguments: [String]) async throws {
        let outcome = try await Program.run(Self.gateway, arguments, timeLimit: .seconds(10))

        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.output.wholeMatch(of: /twilio-gateway \d+\.\d+\.\d+\n/) != nil, "\(outcome)")
    }

    @Test(
        "a listen address whose host is not an IP address exits 64, naming the option",
        arguments: [["--http-addr", "nohost:0"], ["--rpc-addr", "example.invalid:0"], ["--rpc-addr", "bogus"]]
    )
    func listenHost(_ arguments: [String]) async throws {
        let outcome = try await Program.run(Self.gateway, ["serve"] + arguments, timeLimit: .seconds(10))

        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.errorOutput.hasPrefix("serve: \(arguments[0])"), "\(outcome)")
    }

    @Test("no command at all exits 64 and prints the usage on standard error")
    func noCommand() async throws {
        let outcome = try await Program.run(Self.gateway, [], timeLimit: .seconds(10))

        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.errorOutput.contains("Usage: twilio-gateway <command>"), "\(outcome)")
    }
}
