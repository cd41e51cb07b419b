import GatewayAPI
import GatewayClient
import GraphQL
import Testing
import TwilioREST
import TwilioSandbox

/// The sandbox inbox: the codes Verify sent and the messages sent to an address, through the
/// Swift API and through `GET /sandbox/inbox/{address}`.
@Suite("Sandbox inbox")
struct InboxTests {
    private let service = VerifyHarness.serviceSID

    @Test("the endpoint shows the account's deliveries with the code, for phones and email addresses")
    func endpoint() async throws {
        try await VerifyHarness.with { harness in
            let sms = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: "+15551234567", channel: "sms", locale: "es")
            )
            _ = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: "user@example.com", channel: "email")
            )
            let account = VerifyHarness.account

            let phone = try await InboxReader.read(
                "+15551234567",
                baseURL: harness.baseURL,
                user: account.sid,
                password: account.authToken
            )
            #expect(phone.status == 200)
            let inbox = try phone.json()
            #expect(inbox.address == "+15551234567")
            let delivery = try #require(inbox.deliveries.first)
            #expect(inbox.deliveries.count == 1)
            #expect(delivery.sid == sms.sid)
            #expect(delivery.channel == "sms")
            #expect(delivery.locale == "es")
            #expect(delivery.dateCreated == "2025-01-01T12:00:00Z")
            let code = try #require(delivery.code)
            #expect(delivery.body == "Acme: your verification code is \(code)")
            #expect(code == (try harness.latestCode(to: "+15551234567")))

            let email = try await InboxReader.read(
                "USER@example.com",
                baseURL: harness.baseURL,
                user: account.sid,
                password: account.authToken
            )
            #expect(try email.json().deliveries.map(\.channel) == ["email"])
            #expect(try email.json().deliveries.first?.from == "Acme <verify@sandbox.invalid>")
        }
    }

    @Test("the endpoint needs the account's credentials and shows no other account's deliveries")
    func authentication() async throws {
        try await VerifyHarness.with { harness in
            _ = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: "+15551234567", channel: "sms")
            )

            let anonymous = try await InboxReader.read(
                "+15551234567",
                baseURL: harness.baseURL,
                user: nil,
                password: nil
            )
            #expect(anonymous.status == 401)
            #expect(anonymous.body.contains("20003"))

            let wrong = try await InboxReader.read(
                "+15551234567",
                baseURL: harness.baseURL,
                user: VerifyHarness.account.sid,
                password: "wrong"
            )
            #expect(wrong.status == 401)

            let other = VerifyHarness.otherAccount
            let foreign = try await InboxReader.read(
                "+15551234567",
                baseURL: harness.baseURL,
                user: other.sid,
                password: other.authToken
            )
            #expect(foreign.status == 200)
            #expect(try foreign.json().deliveries.isEmpty)
        }
    }

    @Test("the inbox holds messages too, and a phone's inbox takes its WhatsApp address")
    func messages() async throws {
        try await VerifyHarness.with { harness in
            let message = try await harness.twilio.createMessage(
                CreateMessageRequest(to: "whatsapp:+15551234567", from: "whatsapp:+15005550006", body: "Hello")
            )
            harness.clock.advance(by: 1)
            _ = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: "+15551234567", channel: "whatsapp")
            )

            let deliveries = harness.sandbox.deliveries(to: "+15551234567")
            #expect(deliveries.map(\.channel) == ["whatsapp", "whatsapp"])
            #expect(deliveries.first?.sid == message.sid)
            #expect(deliveries.first?.body == "Hello")
            #expect(deliveries.first?.code == nil)
            #expect(deliveries.last?.code != nil)
            #expect(harness.sandbox.deliveries(to: "whatsapp:+15551234567") == deliveries)
            #expect(harness.sandbox.deliveries(to: "+15551234567", accountSID: VerifyHarness.otherAccount.sid).isEmpty)
        }
    }

    @Test("the inbox endpoint is not rate limited by injected faults")
    func faults() async throws {
        try await VerifyHarness.with { harness in
            try harness.sandbox.setFaults(SandboxFaults(rateLimitFraction: 1))
            let error = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.createVerification(
                    serviceSID: service,
                    CreateVerificationRequest(to: "+15551234567", channel: "sms")
                )
            }
            #expect(error?.code == 20429)

            let account = VerifyHarness.account
            let inbox = try await InboxReader.read(
                "+15551234567",
                baseURL: harness.baseURL,
                user: account.sid,
                password: account.authToken
            )
            #expect(inbox.status == 200)
            #expect(try inbox.json().deliveries.isEmpty)
        }
    }
}
