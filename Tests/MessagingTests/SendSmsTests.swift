import Foundation
import GatewayAPI
import GatewayClient
import RPCCore
import ServiceSupport
import Testing
import TwilioSandbox

/// A Content template SID of the right shape.
let testContentSID = "HX0123456789abcdef0123456789abcdef"

@Suite("SendSms against the sandbox")
struct SendSmsTests {
    @Test("sends every parameter over RPC, and the sandbox stores them")
    func everyParameterOverRPC() async throws {
        try await MessagingHarness.with { harness in
            let request = SendSmsRequest(
                to: "+14155550100",
                sender: .messagingServiceSID(MessagingHarness.messagingService),
                body: "Hi Ana",
                mediaURLs: ["https://example.test/a.png", "https://example.test/b.png"],
                statusCallback: "http://127.0.0.1:9/status",
                validityPeriod: 600,
                contentSID: testContentSID,
                contentVariables: ["2": "b", "1": "Ana"]
            )

            let message = try await harness.client.sendSms(request)

            #expect(message.sid.hasPrefix("MM"))
            #expect(message.status == "accepted")
            #expect(message.messagingServiceSID == MessagingHarness.messagingService)
            #expect(message.numMedia == 2)
            let stored = try #require(harness.sandbox.message(sid: message.sid))
            #expect(stored.mediaURLs == request.mediaURLs)
            #expect(stored.statusCallback == "http://127.0.0.1:9/status")
            #expect(stored.validityPeriod == 600)
            #expect(stored.contentSID == testContentSID)
            #expect(stored.contentVariables == #"{"1":"Ana","2":"b"}"#)
        }
    }

    @Test("sends over GraphQL with the documented mutation, content variables as entries")
    func overGraphQL() async throws {
        try await MessagingHarness.with { harness in
            let response = try await harness.graphQL(
                """
                mutation {
                  twilio_sendSms(input: {
                    to: "+15551234567"
                    from: "\(MessagingHarness.sender)"
                    body: "Your code is 123456"
                    validityPeriod: 300
                    contentSid: "\(testContentSID)"
                    contentVariables: [{key: "1", value: "123456"}]
                  }) { sid status from numSegments dateCreated }
                }
                """
            )
            let sent = try #require((response["data"] as? [String: Any])?["twilio_sendSms"] as? [String: Any])
            let sid = try #require(sent["sid"] as? String)
            #expect(sent["status"] as? String == "queued")
            #expect(sent["from"] as? String == MessagingHarness.sender)
            #expect(sent["numSegments"] as? Int == 1)
            #expect((sent["dateCreated"] as? String)?.hasSuffix("Z") == true)
            let stored = try #require(harness.sandbox.message(sid: sid))
            #expect(stored.validityPeriod == 300)
            #expect(stored.contentVariables == #"{"1":"123456"}"#)
        }
    }

    @Test(
        "refuses wrong requests with INVALID_ARGUMENT naming the fields, before Twilio is called",
        arguments: [
            (SendSmsRequest(to: "+15551234567", body: "x"), ["sender"]),
            (SendSmsRequest(sender: .from("+15557654321"), body: "x"), ["to"]),
            (SendSmsRequest(to: "+15551234567", sender: .from(""), body: "x"), ["from"]),
            (
                SendSmsRequest(to: "+15551234567", sender: .messagingServiceSID("MG123"), body: "x"),
                ["messaging_service_sid"]
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: .from("+15557654321"), validityPeriod: 36001),
                ["validity_period"]
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: .from("+15557654321"), validityPeriod: -1),
                ["validity_period"]
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: .from("+15557654321"), sendAt: "2030-01-01T00:00:00Z"),
                ["send_at"]
            ),
            (
                SendSmsRequest(
                    to: "+15551234567",
                    sender: .messagingServiceSID(MessagingHarness.messagingService),
                    sendAt: "tomorrow"
                ),
                ["send_at"]
            ),
            (
                SendSmsRequest(
                    to: "+15551234567",
                    sender: .messagingServiceSID(MessagingHarness.messagingService),
                    sendAt: "2030-01-01T00:00:00Z",
                    scheduleType: "daily"
                ),
                ["schedule_type"]
            ),
            (
                SendSmsRequest(
                    to: "+15551234567",
                    sender: .messagingServiceSID(MessagingHarness.messagingService),
                    scheduleType: "fixed"
                ),
                ["send_at"]
            ),
            (SendSmsRequest(to: "+15551234567", sender: .from("+15557654321"), contentSID: "HX1"), ["content_sid"]),
            (
                SendSmsRequest(to: "+15551234567", sender: .from("+15557654321"), contentVariables: ["1": "a"]),
                ["content_variables"]
            ),
            (
                SendSmsRequest(
                    to: "+15551234567",
                    sender: .from("+15557654321"),
                    contentSID: testContentSID,
                    contentVariables: ["1": "a"],
                    contentVariablesJSON: #"{"1":"a"}"#
                ),
                ["content_variables_json"]
            ),
            (
                SendSmsRequest(
                    to: "+15551234567",
                    sender: .from("+15557654321"),
                    contentSID: testContentSID,
                    contentVariablesJSON: "[1, 2]"
                ),
                ["content_variables_json"]
            ),
            (
                SendSmsRequest(
                    to: "+15551234567",
                    sender: .from("+15557654321"),
                    body: "x",
                    idempotencyKey: String(repeating: "k", count: 256)
                ),
                ["idempotency_key"]
            ),
            (SendSmsRequest(body: "x"), ["to", "sender"]),
        ]
    )
    func invalidRequests(request: SendSmsRequest, fields: [String]) async throws {
        try await MessagingHarness.with { harness in
            let error = await #expect(throws: RPCError.self) {
                try await harness.client.sendSms(request)
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.errorDetails?.fieldViolations.map(\.field) == fields)
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }

    @Test("over GraphQL, a request with both senders or none is INVALID_ARGUMENT with the fields named")
    func invalidOverGraphQL() async throws {
        try await MessagingHarness.with { harness in
            let both = try await harness.graphQL(
                """
                mutation { twilio_sendSms(input: {to: "+15551234567", from: "+15005550010",
                  messagingServiceSid: "\(MessagingHarness.messagingService)", body: "x"}) { sid } }
                """
            )
            let none = try await harness.graphQL(
                #"mutation { twilio_sendSms(input: {to: "+15551234567", body: "x", validityPeriod: 0}) { sid } }"#
            )
            for (response, fields) in [(both, ["from", "messaging_service_sid"]), (none, ["sender"])] {
                let error = try #require((response["errors"] as? [[String: Any]])?.first)
                let extensions = try #require(error["extensions"] as? [String: Any])
                #expect(extensions["code"] as? String == "INVALID_ARGUMENT")
                let violations = try #require(extensions["fieldViolations"] as? [[String: Any]])
                #expect(violations.compactMap { $0["field"] as? String } == fields)
            }
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }

    @Test(
        "maps Twilio's refusals as docs/errors.md says, over RPC and GraphQL",
        arguments: [
            ("+15005550004", RPCStatusCode.failedPrecondition, 21610),
            ("+15005550009", .failedPrecondition, 21614),
            ("+15005550001", .invalidArgument, 21211),
        ]
    )
    func twilioErrors(to: String, code: RPCStatusCode, twilioCode: Int) async throws {
        try await MessagingHarness.with { harness in
            let error = await #expect(throws: RPCError.self) {
                try await harness.client.sendSms(
                    SendSmsRequest(to: to, sender: .from(MessagingHarness.sender), body: "x")
                )
            }
            #expect(error?.code == code)
            #expect(error?.errorDetails?.twilioCode == Int32(twilioCode))
            #expect(error?.errorDetails?.retryable == false)

            let response = try await harness.graphQL(
                #"mutation { twilio_sendSms(input: {to: "\#(to)", from: "\#(MessagingHarness.sender)", body: "x"}) { sid } }"#
            )
            let extensions = try #require(
                (response["errors"] as? [[String: Any]])?.first?["extensions"] as? [String: Any]
            )
            #expect(extensions["code"] as? String == code.description)
            #expect(extensions["twilioCode"] as? Int == twilioCode)
        }
    }
}
