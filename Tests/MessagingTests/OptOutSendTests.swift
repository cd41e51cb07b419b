import GatewayAPI
import GatewayClient
import GatewayStore
import RPCCore
import Testing
import TwilioSandbox

@Suite("Sends to opted-out numbers")
struct OptOutSendTests {
    static let person = "+14155550170"

    @Test("a send to a number opted out of its sender fails fast with 21610, and Twilio is not asked")
    func sendFailsFast() async throws {
        try await MessagingHarness.with { harness in
            try harness.store.optOuts.optOut(
                Self.person,
                scope: .sender(MessagingHarness.sender),
                reason: .keyword("STOP")
            )

            let error = await #expect(throws: RPCError.self) {
                _ = try await harness.client.sendSms(
                    SendSmsRequest(to: Self.person, sender: .from(MessagingHarness.sender), body: "Sale!")
                )
            }
            #expect(error?.code == .failedPrecondition)
            #expect(error?.errorDetails?.twilioCode == 21610)
            #expect(error?.errorDetails?.retryable == false)
            #expect(error?.message.contains(Self.person) == false)
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }

    @Test("the opt-out covers only its scope: another sender may still send")
    func otherSender() async throws {
        try await MessagingHarness.with { harness in
            try harness.store.optOuts.optOut(Self.person, scope: .sender("+15005550006"), reason: .keyword("STOP"))
            let sent = try await harness.client.sendSms(
                SendSmsRequest(to: Self.person, sender: .from(MessagingHarness.sender), body: "Hi")
            )
            #expect(sent.sid.hasPrefix("SM"))
        }
    }

    @Test("an opt-out of a Messaging Service blocks sends through it, until the number opts back in")
    func serviceScope() async throws {
        try await MessagingHarness.with { harness in
            let scope = OptOutScope.messagingService(MessagingHarness.messagingService)
            try harness.store.optOuts.optOut(Self.person, scope: scope, reason: .twilioError21610)
            let request = SendSmsRequest(
                to: Self.person,
                sender: .messagingServiceSID(MessagingHarness.messagingService),
                body: "Hi"
            )
            await #expect(throws: RPCError.self) { _ = try await harness.client.sendSms(request) }

            try harness.store.optOuts.optIn(Self.person, scope: scope)
            #expect(try await harness.client.sendSms(request).sid.hasPrefix("SM"))
        }
    }

    @Test("a bulk send reports an opted-out recipient as opted out without asking Twilio, and sends the rest")
    func bulk() async throws {
        try await MessagingHarness.with { harness in
            try harness.store.optOuts.optOut(
                Self.person,
                scope: .sender(MessagingHarness.sender),
                reason: .keyword("STOP")
            )
            let request = BulkSendSmsRequest(
                fromNumbers: [MessagingHarness.sender],
                bodyTemplate: "Hello",
                recipients: [BulkRecipient(to: Self.person), BulkRecipient(to: "+14155550171")],
                messagesPerSecond: 0
            )
            var results: [Int32: BulkRecipientResult] = [:]
            for try await update in harness.client.bulkSendSms(request) {
                results[update.result.index] = update.result
            }
            #expect(results[0]?.outcome == .optedOut)
            #expect(results[0]?.errorDetails?.twilioCode == 21610)
            #expect(results[0]?.attempts == 0)
            #expect(results[1]?.outcome == .sent)
            #expect(harness.sandbox.messages().map(\.to) == ["+14155550171"])
        }
    }

    @Test("a bulk send through a Messaging Service reports its service's opt-outs, read once before sending")
    func bulkThroughService() async throws {
        try await MessagingHarness.with { harness in
            let service = OptOutScope.messagingService(MessagingHarness.messagingService)
            try harness.store.optOuts.optOut(Self.person, scope: service, reason: .twilioError21610)
            let request = BulkSendSmsRequest(
                messagingServiceSID: MessagingHarness.messagingService,
                bodyTemplate: "Hello",
                recipients: [BulkRecipient(to: "+14155550174"), BulkRecipient(to: Self.person)],
                messagesPerSecond: 0
            )
            var outcomes: [Int32: BulkRecipientResult.Outcome] = [:]
            for try await update in harness.client.bulkSendSms(request) {
                outcomes[update.result.index] = update.result.outcome
            }
            #expect(outcomes == [0: .sent, 1: .optedOut])
        }
    }

    @Test("sends without a StatusCallback get the configured one; a given one is kept")
    func defaultStatusCallback() async throws {
        let gateway = "http://127.0.0.1:9/webhooks/twilio/status"
        try await MessagingHarness.with(statusCallback: gateway) { harness in
            let plain = try await harness.client.sendSms(
                SendSmsRequest(to: "+14155550172", sender: .from(MessagingHarness.sender), body: "a")
            )
            let own = try await harness.client.sendSms(
                SendSmsRequest(
                    to: "+14155550173",
                    sender: .from(MessagingHarness.sender),
                    body: "b",
                    statusCallback: "http://127.0.0.1:9/mine"
                )
            )
            #expect(harness.sandbox.message(sid: plain.sid)?.statusCallback == gateway)
            #expect(harness.sandbox.message(sid: own.sid)?.statusCallback == "http://127.0.0.1:9/mine")
        }
    }
}
