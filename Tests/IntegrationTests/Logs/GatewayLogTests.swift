internal import Foundation
internal import GatewayAPI
internal import GatewayClient
internal import Testing

/// What a whole run of `serve` writes to standard error, from start to SIGTERM.
@Suite("The gateway's log of a full run")
struct GatewayLogTests {
    /// How the gateway reaches Twilio in a run.
    enum Mode: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case sandbox
        case live

        var testDescription: String {
            self == .sandbox ? "sandbox mode" : "live mode with TWILIO_AUTH_TOKEN set"
        }
    }

    static let levels: Set = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    @Test(
        "every line is JSON with ts, level, logger and msg; no secret shows; SIGTERM exits 0",
        arguments: Mode.allCases
    )
    func fullRun(_ mode: Mode) async throws {
        switch mode {
        case .sandbox:
            let lines = try await Self.run(environment: [:])
            let warning = try #require(lines.first { $0["msg"] as? String == "gateway.sandbox.enabled" })
            #expect(warning["level"] as? String == "warning")
            #expect((warning["note"] as? String)?.contains("nothing is really sent") == true)
        case .live:
            try await withRecordingServer(TwilioFixtures.answeringQueued()) { twilio in
                let lines = try await Self.run(environment: TwilioFixtures.environment(baseURL: twilio.baseURL))
                #expect(!lines.contains { $0["msg"] as? String == "gateway.sandbox.enabled" })
                let sends = twilio.requests.filter { $0.path == TwilioFixtures.messagesPath }
                #expect(sends.count == 2, "the run did reach the recording server")
            }
        }
    }

    /// Starts a gateway, uses every door once, stops it with SIGTERM and checks its lines.
    ///
    /// - Returns: The decoded lines, for the mode's own checks.
    static func run(environment: [String: String]) async throws -> [[String: Any]] {
        let (stop, raw) = try await withGateway(environment: environment) { gateway in
            try await exercise(gateway)
            return (await gateway.stop(), gateway.rawLogs)
        }

        #expect(stop.termination == ChildProcess.Termination(status: 0, signalled: false), "\(stop.termination)")
        #expect(!stop.killed, "SIGTERM did not stop the gateway")
        #expect(raw.count > 5, "\(raw)")
        let lines = raw.map { LogLines.object(of: $0) }
        for (line, object) in zip(raw, lines) {
            let object = try #require(object, "not a JSON object: \(line)")
            for key in ["ts", "level", "logger", "msg"] {
                #expect((object[key] as? String)?.isEmpty == false, "no \(key) in \(line)")
            }
            #expect(levels.contains(object["level"] as? String ?? ""), "\(line)")
            #expect(isTimestamp(object["ts"] as? String ?? ""), "\(line)")
        }

        let secrets = [
            TwilioFixtures.authToken,
            Data("\(TwilioFixtures.accountSID):\(TwilioFixtures.authToken)".utf8).base64EncodedString(),
        ]
        for secret in secrets {
            #expect(!raw.contains { $0.contains(secret) }, "a log line shows \(secret)")
        }
        let messages = lines.compactMap { $0?["msg"] as? String }
        #expect(messages.contains("gateway.started"))
        #expect(lines.contains { $0?["msg"] as? String == "gateway.stopping" && $0?["signal"] as? String == "15" })
        #expect(messages.last == "gateway.stopped")
        return lines.compactMap { $0 }
    }

    /// Whether `text` is an ISO 8601 time with fractional seconds, such as `2026-01-02T03:04:05.678Z`.
    static func isTimestamp(_ text: String) -> Bool {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) != nil
    }

    /// A GraphQL send, an RPC send, a request the gateway rejects, and both health checks.
    static func exercise(_ gateway: GatewayProcess) async throws {
        let rpcPort = try gateway.requireRPCPort()
        let graphQL = try await HTTPClient.postGraphQL(DocumentedOperations.sendSms, port: gateway.httpPort)
        #expect(try graphQL.decoded(as: GraphQLResult<SendSmsFields>.self).data?.message != nil, "\(graphQL.body)")

        let sent = try await SendSmsCommand.run(
            rpcPort: rpcPort,
            ["--to", "+15551234567", "--from", "+15557654321", "--body", "Your code is 123456"]
        )
        #expect(sent.status == 0, "\(sent)")
        let rejected = try await SendSmsCommand.run(rpcPort: rpcPort, ["--to", "", "--from", "+15557654321"])
        #expect(rejected.status == 1, "\(rejected)")

        #expect(try await HTTPClient.get("/healthz", port: gateway.httpPort).status == 200)
        let health = try await withGatewayClient(port: rpcPort) { try await $0.checkHealth() }
        #expect(health.status == .serving)
    }

    @Test(
        "a phone number Twilio quotes in an error message shows masked in the log"
    )
    func phoneNumbersInErrorsAreMasked() async throws {
        let unowned = "+15550001234"
        let lines = try await withGateway { gateway in
            let response = try await HTTPClient.postGraphQL(
                """
                mutation {
                  twilio_sendSms(input: {to: "+15551234567", from: "\(unowned)", body: "hi"}) { sid }
                }
                """,
                port: gateway.httpPort
            )
            let failure = try response.decoded(as: GraphQLResult<SendSmsFields>.self).errors?.first
            #expect(failure?.extensions?.twilioCode == 21606, "\(response.body)")
            #expect(failure?.message.contains(unowned) == true, "the caller sees Twilio's message unchanged")
            await gateway.stop()
            return gateway.rawLogs
        }

        #expect(lines.contains { $0.contains("21606") }, "the failed call was logged")
        for line in lines {
            #expect(!line.contains(unowned), "\(line)")
        }
    }
}
