import Foundation
import GatewayAPI
import GatewayClient
import RPCCore
import ServiceSupport
import Testing
import TwilioSandbox

@Suite("GetMessage, CancelMessage and scheduled sends")
struct GetAndCancelMessageTests {
    private static func scheduled(at sendAt: Double) -> SendSmsRequest {
        SendSmsRequest(
            to: "+14155550100",
            sender: .messagingServiceSID(MessagingHarness.messagingService),
            body: "See you tomorrow",
            sendAt: Timestamp.rfc3339(sendAt),
            scheduleType: "fixed"
        )
    }

    @Test("a scheduled send stays scheduled, is read back over RPC and GraphQL, and cancels once")
    func scheduleReadCancel() async throws {
        try await MessagingHarness.with { harness in
            let message = try await harness.client.sendSms(Self.scheduled(at: Timestamp.now() + 3600))
            #expect(message.status == "scheduled")

            let fetched = try await harness.client.getMessage(sid: message.sid)
            #expect(fetched.status == "scheduled")
            #expect(fetched.body == "See you tomorrow")
            let query = try await harness.graphQL(#"{ twilio_message(sid: "\#(message.sid)") { sid status to } }"#)
            let read = try #require((query["data"] as? [String: Any])?["twilio_message"] as? [String: Any])
            #expect(read["status"] as? String == "scheduled")
            #expect(read["to"] as? String == "+14155550100")

            let canceled = try await harness.graphQL(
                #"mutation { twilio_cancelMessage(input: {sid: "\#(message.sid)"}) { sid status } }"#
            )
            let result = try #require((canceled["data"] as? [String: Any])?["twilio_cancelMessage"] as? [String: Any])
            #expect(result["status"] as? String == "canceled")
            #expect(harness.sandbox.message(sid: message.sid)?.status == .canceled)

            let again = await #expect(throws: RPCError.self) {
                try await harness.client.cancelMessage(sid: message.sid)
            }
            #expect(again?.code == .failedPrecondition)
            #expect(again?.errorDetails?.twilioCode == 30409)
        }
    }

    @Test("a scheduled message is released at its send time and delivered")
    func releasedAtSendTime() async throws {
        let clock = ManualClock()
        try await MessagingHarness.with(MessagingHarness.configuration(wallClock: clock.read)) { harness in
            let message = try await harness.client.sendSms(Self.scheduled(at: clock.read() + 20 * 60))
            try await Task.sleep(for: .milliseconds(50))
            #expect(try await harness.client.getMessage(sid: message.sid).status == "scheduled")

            clock.advance(seconds: 20 * 60)
            #expect(try await eventually { harness.sandbox.message(sid: message.sid)?.status == .delivered })
            let delivered = try await harness.client.getMessage(sid: message.sid)
            #expect(delivered.from == "+15005550011")
            #expect(delivered.numSegments == 1)
            #expect(!delivered.dateSent.isEmpty)
        }
    }

    @Test("the sandbox refuses a send time less than 15 minutes ahead with 35114")
    func sendAtTooSoon() async throws {
        try await MessagingHarness.with { harness in
            let error = await #expect(throws: RPCError.self) {
                try await harness.client.sendSms(Self.scheduled(at: Timestamp.now() + 60))
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.errorDetails?.twilioCode == 35114)
        }
    }

    @Test("a message that is already sent cannot be canceled (30409)")
    func cancelAfterSending() async throws {
        try await MessagingHarness.with { harness in
            let message = try await harness.client.sendSms(
                SendSmsRequest(to: "+14155550100", sender: .from(MessagingHarness.sender), body: "now")
            )
            let error = await #expect(throws: RPCError.self) {
                try await harness.client.cancelMessage(sid: message.sid)
            }
            #expect(error?.code == .failedPrecondition)
            #expect(error?.errorDetails?.twilioCode == 30409)
            let response = try await harness.graphQL(
                #"mutation { twilio_cancelMessage(input: {sid: "\#(message.sid)"}) { status } }"#
            )
            let extensions = (response["errors"] as? [[String: Any]])?.first?["extensions"] as? [String: Any]
            #expect(extensions?["code"] as? String == "FAILED_PRECONDITION")
            #expect(extensions?["twilioCode"] as? Int == 30409)
        }
    }

    @Test(
        "GetMessage follows a message to its end, also for the magic failing destinations",
        arguments: [
            ("+14155550100", "delivered", Int32(0)),
            ("+15005553003", "undelivered", 30003),
            ("+15005553008", "failed", 30008),
        ]
    )
    func followsToTheEnd(to: String, status: String, errorCode: Int32) async throws {
        try await MessagingHarness.with { harness in
            let message = try await harness.client.sendSms(
                SendSmsRequest(to: to, sender: .from(MessagingHarness.sender), body: "where will it end")
            )
            #expect(try await eventually { harness.sandbox.message(sid: message.sid)?.status.isFinal == true })
            let final = try await harness.client.getMessage(sid: message.sid)
            #expect(final.status == status)
            #expect(final.errorCode == errorCode)
        }
    }

    @Test(
        "SIDs are checked before Twilio is called; unknown ones are NOT_FOUND",
        arguments: ["", "SM123", "CA0123456789abcdef0123456789abcdef", "SM0123456789abcdef0123456789abcdeg"]
    )
    func malformedSIDs(sid: String) async throws {
        try await MessagingHarness.with { harness in
            for call in [
                { try await harness.client.getMessage(sid: sid) }, { try await harness.client.cancelMessage(sid: sid) },
            ] {
                let error = await #expect(throws: RPCError.self) {
                    _ = try await call()
                }
                #expect(error?.code == .invalidArgument)
                #expect(error?.errorDetails?.fieldViolations.map(\.field) == ["sid"])
            }
            let query = try await harness.graphQL(#"{ twilio_message(sid: "\#(sid)") { sid } }"#)
            let extensions = (query["errors"] as? [[String: Any]])?.first?["extensions"] as? [String: Any]
            #expect(extensions?["code"] as? String == "INVALID_ARGUMENT")
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }

    @Test("an unknown SID is NOT_FOUND over RPC and GraphQL")
    func unknownSID() async throws {
        try await MessagingHarness.with { harness in
            let sid = "SM" + String(repeating: "0", count: 32)
            let error = await #expect(throws: RPCError.self) {
                try await harness.client.getMessage(sid: sid)
            }
            #expect(error?.code == .notFound)
            #expect(error?.errorDetails?.twilioCode == 20404)
            let query = try await harness.graphQL(#"{ twilio_message(sid: "\#(sid)") { sid } }"#)
            let extensions = (query["errors"] as? [[String: Any]])?.first?["extensions"] as? [String: Any]
            #expect(extensions?["code"] as? String == "NOT_FOUND")
        }
    }
}
