internal import GatewayAPI
internal import GatewayClient
internal import RPCCore
internal import Testing

/// A live-mode gateway whose Twilio first cannot be reached, then takes far too long to answer.
///
/// The bounds on elapsed time are generous: they only check that a failure comes back within
/// the deadline's reach instead of hanging.
@Suite("A gateway whose Twilio is unreachable or stalls")
struct TwilioFailureTests {
    static let request = SendSmsRequest(to: "+15551234567", sender: .from("+15557654321"), body: "Your code is 123456")
    static let commandArguments = ["--to", "+15551234567", "--from", "+15557654321", "--body", "Your code is 123456"]
    static let prompt = Duration.seconds(5)

    @Test("unreachable, then stalling Twilio: UNAVAILABLE, then DEADLINE_EXCEEDED in time; the gateway keeps serving")
    func unreachableThenStalling() async throws {
        let port = try ClosedPort.make()
        let environment = TwilioFixtures.environment(baseURL: "http://127.0.0.1:\(port)")

        // A readiness probe only at start, when the port is closed, so that only sends reach the stalling peer.
        let arguments = ["--graphql-timeout", "1", "--readiness-interval", "3600"]
        try await withGateway(arguments: arguments, environment: environment) { gateway in
            #expect(gateway.mode == "live")
            try await Self.expectUnavailable(gateway)

            try await withRecordingServer(TwilioFixtures.answeringQueued(stallSeconds: 30), port: port) { twilio in
                try await Self.expectDeadlineExceeded(gateway, twilio: twilio)
            }

            try await Self.expectServing(gateway)
        }
    }

    /// Nothing listens where Twilio should be.
    static func expectUnavailable(_ gateway: GatewayProcess) async throws {
        let rpcPort = try gateway.requireRPCPort()

        let (error, elapsed) = try await withGatewayClient(port: rpcPort) { client in
            try await expectRPCError { try await client.sendSms(request) }
        }
        #expect(error.code == .unavailable, "\(error)")
        #expect(error.isRetryable, "\(error)")
        #expect(elapsed < prompt)

        let (outcome, json) = try await SendSmsCommand.runJSON(rpcPort: rpcPort, commandArguments)
        #expect(outcome.status == 1, "\(outcome)")
        #expect(json.error?.code == "UNAVAILABLE", "\(outcome)")
        #expect(json.error?.retryable == true, "\(outcome)")
        #expect(outcome.elapsed < prompt)

        let response = try await HTTPClient.postGraphQL(DocumentedOperations.sendSms, port: gateway.httpPort)
        let failure = try #require(try response.decoded(as: GraphQLResult<SendSmsFields>.self).errors?.first)
        #expect(failure.extensions?.code == "UNAVAILABLE", "\(response.body)")
        #expect(failure.extensions?.retryable == true, "\(response.body)")
        #expect(response.elapsed < prompt)
    }

    /// Twilio takes the request and answers only after 30 seconds; each caller allows one.
    static func expectDeadlineExceeded(_ gateway: GatewayProcess, twilio: RecordingServer) async throws {
        let rpcPort = try gateway.requireRPCPort()

        async let command = SendSmsCommand.runJSON(rpcPort: rpcPort, commandArguments + ["--timeout", "1"])
        async let swiftClient = withGatewayClient(port: rpcPort, timeout: .seconds(1)) { client in
            try await expectRPCError { try await client.sendSms(request) }
        }
        async let graphQL = HTTPClient.postGraphQL(DocumentedOperations.sendSms, port: gateway.httpPort)

        let (outcome, json) = try await command
        #expect(outcome.status == 1, "\(outcome)")
        #expect(json.error?.code == "DEADLINE_EXCEEDED", "\(outcome)")
        #expect(outcome.elapsed < prompt)

        let (error, elapsed) = try await swiftClient
        #expect(error.code == .deadlineExceeded, "\(error)")
        #expect(elapsed < prompt)

        let response = try await graphQL
        let failure = try #require(try response.decoded(as: GraphQLResult<SendSmsFields>.self).errors?.first)
        #expect(failure.extensions?.code == "DEADLINE_EXCEEDED", "\(response.body)")
        #expect(response.elapsed < prompt)

        // The gateway gave up each of the three Twilio requests instead of leaving them open.
        let abandoned = await twilio.waitUntil(timeout: .seconds(10)) { events in
            events.filter { $0.event == "client_disconnected" }.count == 3
        }
        #expect(twilio.requests.count == 3)
        #expect(twilio.requests.allSatisfy { $0.path == TwilioFixtures.messagesPath })
        #expect(abandoned, "\(twilio.events.map(\.event))")
    }

    /// After both failures the gateway still answers on both ports.
    static func expectServing(_ gateway: GatewayProcess) async throws {
        let health = try await withGatewayClient(port: try gateway.requireRPCPort()) { client in
            (try await client.checkHealth(), try await client.checkHealth(service: "twilio.gateway.v1.Messaging"))
        }
        #expect(health.0.status == .serving)
        #expect(health.1.status == .serving)

        let probe = try await HTTPClient.get("/healthz", port: gateway.httpPort)
        #expect(probe.status == 200)
        #expect(probe.body == #"{"status":"serving"}"#)

        let info = try await HTTPClient.postGraphQL("{ twilio_gateway { version } }", port: gateway.httpPort)
        let version = try info.decoded(as: GraphQLResult<GatewayInfoFields>.self).data?.info?.version
        #expect(version?.isEmpty == false, "\(info.body)")

        let again = try await HTTPClient.postGraphQL(DocumentedOperations.sendSms, port: gateway.httpPort)
        let failure = try again.decoded(as: GraphQLResult<SendSmsFields>.self).errors?.first
        #expect(failure?.extensions?.code == "UNAVAILABLE", "\(again.body)")
    }

    @Test(
        "a call whose deadline passes while Twilio stalls is marked retryable, as docs/errors.md says"
    )
    func deadlineIsRetryable() async throws {
        try await withRecordingServer(TwilioFixtures.answeringQueued(stallSeconds: 30)) { twilio in
            try await withGateway(
                arguments: ["--graphql-timeout", "1"],
                environment: TwilioFixtures.environment(baseURL: twilio.baseURL)
            ) { gateway in
                let rpcPort = try gateway.requireRPCPort()

                let (_, json) = try await SendSmsCommand.runJSON(
                    rpcPort: rpcPort,
                    Self.commandArguments + ["--timeout", "1"]
                )
                #expect(json.error?.code == "DEADLINE_EXCEEDED")
                #expect(json.error?.retryable == true)

                let (error, _) = try await withGatewayClient(port: rpcPort, timeout: .seconds(1)) { client in
                    try await expectRPCError { try await client.sendSms(Self.request) }
                }
                #expect(error.code == .deadlineExceeded)
                #expect(error.isRetryable, "\(error)")

                // Twilio's own timeout and the call's deadline race; whichever wins, the answer is retryable.
                for _ in 0..<3 {
                    let response = try await HTTPClient.postGraphQL(
                        DocumentedOperations.sendSms,
                        port: gateway.httpPort
                    )
                    let failure = try response.decoded(as: GraphQLResult<SendSmsFields>.self).errors?.first
                    #expect(failure?.extensions?.code == "DEADLINE_EXCEEDED", "\(response.body)")
                    #expect(failure?.extensions?.retryable == true, "\(response.body)")
                }
            }
        }
    }
}
