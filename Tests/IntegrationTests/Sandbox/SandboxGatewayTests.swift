internal import Foundation
internal import Testing

/// One `twilio-gateway serve` in sandbox mode (no Twilio credentials), reached from outside:
/// curl for GraphQL, the `send-sms` command, the Swift client and the Python client over TCP.
@Suite("A sandbox-mode gateway", .sharedSandboxGateway)
struct SandboxGatewayTests {
    @Test("the documented twilio_sendSms, exactly as written, queues a message")
    func documentedSendSms() async throws {
        let gateway = try SharedSandboxGateway.require()

        let response = try await HTTPClient.postGraphQL(DocumentedOperations.sendSms, port: gateway.httpPort)

        #expect(response.status == 200)
        let result = try response.decoded(as: GraphQLResult<SendSmsFields>.self)
        #expect(result.errors == nil, "\(response.body)")
        let message = try #require(result.data?.message, "\(response.body)")
        #expect(DocumentedOperations.isMessageSID(message.sid), "\(message.sid)")
        #expect(message.sid.count == 34)
        #expect(message.status == "queued")
        #expect(response.body == #"{"data":{"twilio_sendSms":{"sid":"\#(message.sid)","status":"queued"}}}"#)
    }

    @Test("the documented Messaging Service variant, with the sandbox's MG SID, is accepted")
    func documentedSendSmsThroughMessagingService() async throws {
        let gateway = try SharedSandboxGateway.require()
        let sandbox = try #require(gateway.sandbox, "no gateway.sandbox.enabled line: \(gateway.rawLogs)")
        #expect(sandbox.messagingServiceSID.wholeMatch(of: /MG[0-9a-f]{32}/) != nil)

        let response = try await HTTPClient.postGraphQL(
            DocumentedOperations.sendSmsThroughMessagingService(sandbox.messagingServiceSID),
            port: gateway.httpPort
        )

        let result = try response.decoded(as: GraphQLResult<SendSmsFields>.self)
        #expect(result.errors == nil, "\(response.body)")
        let message = try #require(result.data?.message, "\(response.body)")
        #expect(DocumentedOperations.isMessageSID(message.sid), "\(message.sid)")
        #expect(message.status == "accepted")
    }

    @Test("send-sms prints the SID and status of the queued message")
    func sendSmsCommandText() async throws {
        let gateway = try SharedSandboxGateway.require()

        let outcome = try await SendSmsCommand.run(
            rpcPort: try gateway.requireRPCPort(),
            ["--to", "+15551234567", "--from", "+15557654321", "--body", "Your code is 123456"]
        )

        #expect(outcome.status == 0, "\(outcome)")
        let line = outcome.output.trimmingCharacters(in: .newlines)
        let match = try #require(line.wholeMatch(of: /sent (SM[0-9a-f]{32}) \(queued\)/), "\(outcome)")
        #expect(match.1.count == 34)
    }

    @Test("send-sms --json prints the message as one JSON object")
    func sendSmsCommandJSON() async throws {
        let gateway = try SharedSandboxGateway.require()

        let (outcome, json) = try await SendSmsCommand.runJSON(
            rpcPort: try gateway.requireRPCPort(),
            ["--to", "+15551234567", "--from", "+15557654321", "--body", "Your code is 123456"]
        )

        #expect(outcome.status == 0, "\(outcome)")
        #expect(json.error == nil)
        #expect(DocumentedOperations.isMessageSID(json.sid ?? ""), "\(outcome)")
        #expect(json.status == "queued")
        #expect(json.to == "+15551234567")
        #expect(json.from == "+15557654321")
        #expect(json.body == "Your code is 123456")
    }

    @Test("send-sms --messaging-service-sid sends through the sandbox's Messaging Service")
    func sendSmsCommandThroughMessagingService() async throws {
        let gateway = try SharedSandboxGateway.require()
        let sandbox = try #require(gateway.sandbox)

        let (outcome, json) = try await SendSmsCommand.runJSON(
            rpcPort: try gateway.requireRPCPort(),
            ["--to", "+15551234567", "--messaging-service-sid", sandbox.messagingServiceSID, "--body", "Welcome"]
        )

        #expect(outcome.status == 0, "\(outcome)")
        #expect(DocumentedOperations.isMessageSID(json.sid ?? ""), "\(outcome)")
        #expect(json.status == "accepted")
        #expect(json.messagingServiceSid == sandbox.messagingServiceSID)
    }
}
