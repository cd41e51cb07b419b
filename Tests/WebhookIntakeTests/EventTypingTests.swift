import GatewayStore
import Testing
import TwilioREST
import WebhookIntake

@Suite("Event types and identifiers")
struct EventTypingTests {
    @Test("an inbound message is stored as sms.inbound with its identifiers and every parameter in order")
    func inboundMessage() async throws {
        try await IntakeHarness.with { harness async throws in
            let fields = Webhooks.inboundSMS()
            let response = try await harness.post(fields, to: .sms, token: "token-1")
            #expect(response.status == 200)

            let event = try #require(try await harness.events().first).event
            #expect(event.type == .smsInbound)
            #expect(event.messageSID == "SM00112233445566778899aabbccddeeff")
            #expect(event.accountSID == IntakeHarness.accountSID)
            #expect(event.from == Webhooks.person)
            #expect(event.to == Webhooks.number)
            #expect(event.status == "received")
            #expect(event.dedupeKey == "token-1")
            #expect(event.parameters.map(\.name) == fields.map(\.name))
            #expect(event.parameters.map(\.value) == fields.map(\.value))
        }
    }

    @Test("status callbacks become message.status or call.status by their parameters")
    func statusTypes() async throws {
        try await IntakeHarness.with { harness async throws in
            #expect(try await harness.post(Webhooks.messageStatus(status: "sent"), to: .status).status == 204)
            #expect(try await harness.post(Webhooks.callStatus(status: "ringing"), to: .status).status == 204)

            let events = try await harness.events().map(\.event)
            #expect(events.map(\.type) == [.messageStatus, .callStatus])
            #expect(events.map(\.status) == ["sent", "ringing"])
            #expect(events[1].callSID == "CA00112233445566778899aabbccddeeff")
        }
    }

    @Test(
        "a webhook missing what its kind needs is answered 400 and not stored",
        arguments: [
            (WebhookEndpoint.status, [("MessageSid", "SM1"), ("AccountSid", "AC1")], "MessageSid with MessageStatus"),
            (.status, [("CallSid", "CA1")], "CallSid with CallStatus"),
            (.sms, [("Body", "hi"), ("From", "+14155550100")], "MessageSid"),
            (.voice, [("From", "+14155550100")], "CallSid"),
        ]
    )
    func incomplete(endpoint: WebhookEndpoint, fields: [(String, String)], mentions: String) async throws {
        try await IntakeHarness.with { harness async throws in
            let response = try await harness.post(fields.map { (name: $0.0, value: $0.1) }, to: endpoint)
            #expect(response.status == 400)
            #expect(response.text.contains(mentions))
            #expect(try await harness.events().isEmpty)
        }
    }

    @Test("a Verify webhook is verify.status, with Verify's own names and its uuid as the key without a token")
    func verify() async throws {
        try await IntakeHarness.with { harness async throws in
            let fields: [(name: String, value: String)] = [
                ("uuid", "a1b2c3"), ("type", "challenge.approved"), ("account_sid", IntakeHarness.accountSID),
                ("service_sid", "VA0123456789abcdef0123456789abcdef"), ("entity_identity", "user-0001"),
                ("factor_sid", "YF0123456789abcdef0123456789abcdef"), ("factor_type", "totp"),
                ("challenge_sid", "YC0123456789abcdef0123456789abcdef"), ("status", "approved"),
            ]
            #expect(try await harness.post(fields, to: .verify, token: nil).status == 204)
            #expect(try await harness.post(fields, to: .verify, token: nil).status == 204)

            let events = try await harness.events().map(\.event)
            #expect(events.count == 1)
            #expect(events.first?.type == .verifyStatus)
            #expect(events.first?.accountSID == IntakeHarness.accountSID)
            #expect(events.first?.status == "approved")
            #expect(events.first?.dedupeKey == "verify-uuid:a1b2c3")
        }
    }

    @Test("a JSON status callback keeps its members in order, strings decoded and other values as written")
    func jsonMembers() async throws {
        try await IntakeHarness.with { harness async throws in
            let json =
                #"{"CallSid":"CA1","CallStatus":"completed","Sequence":1.50,"Ok":true,"Nested":{"a":[1,"x"]},"Text":"\u00e9\n"}"#
            let response = try await harness.postJSON(json, to: .status)
            #expect(response.status == 204)

            let event = try #require(try await harness.events().first).event
            #expect(event.type == .callStatus)
            #expect(event.parameters.map(\.name) == ["CallSid", "CallStatus", "Sequence", "Ok", "Nested", "Text"])
            #expect(event.parameters.map(\.value) == ["CA1", "completed", "1.50", "true", #"{"a":[1,"x"]}"#, "é\n"])
        }
    }

    @Test("GET webhooks take their parameters from the query string")
    func get() async throws {
        try await IntakeHarness.with { harness async throws in
            let query = "CallSid=CA9&From=%2B14155550100&To=%2B15005550006&CallStatus=ringing"
            let url = IntakeHarness.publicBase + WebhookEndpoint.voice.path + "?" + query
            let signature = TwilioSignatureHelper.sign(url: url)
            let response = try await harness.send(
                .get,
                path: WebhookEndpoint.voice.path,
                query: query,
                headers: [("X-Twilio-Signature", signature)]
            )
            #expect(response.status == 200)
            let event = try #require(try await harness.events().first).event
            #expect(event.callSID == "CA9")
            #expect(event.from == "+14155550100")
        }
    }
}
