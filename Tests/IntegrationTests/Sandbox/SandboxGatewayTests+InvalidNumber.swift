internal import GatewayAPI
internal import GatewayClient
internal import RPCCore
internal import Testing

/// A To number Twilio refuses as invalid (+15005550001, its test number for that) reaches Twilio
/// (the sandbox) and comes back as Twilio error 21211 through every door. (A To that is not E.164
/// at all, such as 123, never reaches Twilio: the gateway refuses it, see RequestValidation.)
extension SandboxGatewayTests {
    static let invalidNumberMutation = """
        mutation {
          twilio_sendSms(input: {
            to: "+15005550001"
            from: "+15557654321"
            body: "Your code is 123456"
          }) {
            sid
            status
          }
        }
        """

    @Test("GraphQL: to \"+15005550001\" is Twilio error 21211, INVALID_ARGUMENT, not retryable")
    func invalidNumberOverGraphQL() async throws {
        let gateway = try SharedSandboxGateway.require()

        let response = try await HTTPClient.postGraphQL(Self.invalidNumberMutation, port: gateway.httpPort)

        #expect(response.status == 200)
        let result = try response.decoded(as: GraphQLResult<SendSmsFields>.self)
        #expect(result.data?.message == nil)
        let error = try #require(result.errors?.first, "\(response.body)")
        #expect(error.path == ["twilio_sendSms"])
        #expect(error.extensions?.twilioCode == 21211)
        #expect(error.extensions?.code == "INVALID_ARGUMENT")
        #expect(error.extensions?.retryable == false)
        #expect(error.extensions?.httpStatus == 400)
        #expect(error.extensions?.moreInfo == "https://www.twilio.com/docs/errors/21211")
    }

    @Test("send-sms --json: to +15005550001 exits 1 with a JSON error carrying twilioCode 21211")
    func invalidNumberOverSendSmsCommand() async throws {
        let gateway = try SharedSandboxGateway.require()

        let (outcome, json) = try await SendSmsCommand.runJSON(
            rpcPort: try gateway.requireRPCPort(),
            ["--to", "+15005550001", "--from", "+15557654321", "--body", "Your code is 123456"]
        )

        #expect(outcome.status == 1, "\(outcome)")
        #expect(json.sid == nil)
        let error = try #require(json.error, "\(outcome)")
        #expect(error.code == "INVALID_ARGUMENT")
        #expect(error.twilioCode == 21211)
        #expect(error.retryable == false)
        #expect(error.moreInfo == "https://www.twilio.com/docs/errors/21211")
    }

    @Test("send-sms without --json: to +15005550001 exits 1 and says why on standard error")
    func invalidNumberOverSendSmsCommandText() async throws {
        let gateway = try SharedSandboxGateway.require()

        let outcome = try await SendSmsCommand.run(
            rpcPort: try gateway.requireRPCPort(),
            ["--to", "+15005550001", "--from", "+15557654321", "--body", "Your code is 123456"]
        )

        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.output.isEmpty)
        #expect(outcome.errorOutput.contains("INVALID_ARGUMENT"), "\(outcome)")
        #expect(outcome.errorOutput.contains("21211"), "\(outcome)")
        #expect(outcome.errorOutput.contains("not retryable"), "\(outcome)")
    }

    @Test("GatewayClient over TCP: to +15005550001 throws invalidArgument with twilioCode 21211")
    func invalidNumberOverGatewayClient() async throws {
        let gateway = try SharedSandboxGateway.require()

        let (error, _) = try await withGatewayClient(port: try gateway.requireRPCPort()) { client in
            try await expectRPCError {
                try await client.sendSms(
                    SendSmsRequest(to: "+15005550001", sender: .from("+15557654321"), body: "Your code is 123456")
                )
            }
        }

        #expect(error.code == .invalidArgument)
        let details = try #require(error.errorDetails, "\(error)")
        #expect(details.twilioCode == 21211)
        #expect(details.httpStatus == 400)
        #expect(details.retryable == false)
        #expect(details.moreInfo == "https://www.twilio.com/docs/errors/21211")
    }

    @Test("GatewayClient over TCP: a valid message is queued and the Health service is serving")
    func sendAndHealthOverGatewayClient() async throws {
        let gateway = try SharedSandboxGateway.require()

        let (message, health) = try await withGatewayClient(port: try gateway.requireRPCPort()) { client in
            let message = try await client.sendSms(
                SendSmsRequest(to: "+15551234567", sender: .from("+15557654321"), body: "Your code is 123456")
            )
            return (message, try await client.checkHealth(service: "twilio.gateway.v1.Messaging"))
        }

        #expect(DocumentedOperations.isMessageSID(message.sid), "\(message)")
        #expect(message.status == "queued")
        #expect(message.to == "+15551234567")
        #expect(health.status == .serving)
    }
}
