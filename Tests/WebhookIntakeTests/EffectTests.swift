import GatewayStore
import Testing
import TwilioREST
import WebhookIntake

@Suite("Statuses and opt-outs")
struct EffectTests {
    @Test("status callbacks out of order are all stored, and the latest status only moves forward")
    func outOfOrder() async throws {
        try await IntakeHarness.with { harness async throws in
            for status in ["delivered", "sent", "queued", "delivered"] {
                #expect(try await harness.post(Webhooks.messageStatus(status: status), to: .status).status == 204)
            }
            #expect(try await harness.events().map(\.event.status) == ["delivered", "sent", "queued", "delivered"])
            let tracked = try #require(
                try harness.store.messageStatuses.status(of: "SM00112233445566778899aabbccddeeff")
            )
            #expect(tracked.status == "delivered")
            #expect(tracked.isFinal)
        }
    }

    @Test("call statuses move forward too")
    func callStatuses() async throws {
        try await IntakeHarness.with { harness async throws in
            for status in ["ringing", "completed", "in-progress"] {
                #expect(try await harness.post(Webhooks.callStatus(status: status), to: .status).status == 204)
            }
            let tracked = try harness.store.callStatuses.status(of: "CA00112233445566778899aabbccddeeff")
            #expect(tracked?.status == "completed")
        }
    }

    @Test("STOP opts the sender out of the service and its number, with an optout event stored once per webhook")
    func stop() async throws {
        try await IntakeHarness.with { harness async throws in
            let fields = Webhooks.inboundSMS(body: "  stop ")
            #expect(try await harness.post(fields, to: .sms, token: "stop-1").status == 200)
            #expect(try await harness.post(fields, to: .sms, token: "stop-1").status == 200)

            let events = try await harness.events().map(\.event)
            #expect(events.map(\.type) == [.smsInbound, .optOut])
            let optOut = events[1]
            #expect(optOut.dedupeKey == "stop-1/optout")
            #expect(optOut.from == Webhooks.person)
            #expect(optOut.messageSID == "SM00112233445566778899aabbccddeeff")
            #expect(optOut.parameters.first { $0.name == "Number" }?.value == Webhooks.person)
            #expect(optOut.parameters.first { $0.name == "Reason" }?.value == "keyword:STOP")
            #expect(optOut.parameters.first { $0.name == "SourceOffset" }?.value == "1")

            #expect(
                optOut.parameters.filter { $0.name == "Scope" }.map(\.value) == [
                    "service:" + Webhooks.messagingService, "sender:" + Webhooks.number,
                ]
            )
            let records = try harness.store.optOuts.records(for: Webhooks.person)
            #expect(
                Set(records.map(\.scope)) == [.messagingService(Webhooks.messagingService), .sender(Webhooks.number)]
            )
            #expect(records.allSatisfy { $0.reason == .keyword("STOP") })
            let direct = try harness.store.optOuts.blocking(Webhooks.person, in: [.sender(Webhooks.number)])
            #expect(direct != nil)
        }
    }

    @Test("START opts the sender back in and stores an optin event")
    func start() async throws {
        try await IntakeHarness.with { harness async throws in
            #expect(
                try await harness.post(Webhooks.inboundSMS(sid: "SM1", body: "UNSUBSCRIBE"), to: .sms).status == 200
            )
            #expect(try await harness.post(Webhooks.inboundSMS(sid: "SM2", body: "start"), to: .sms).status == 200)

            #expect(try await harness.events().map(\.event.type) == [.smsInbound, .optOut, .smsInbound, .optIn])
            #expect(try harness.store.optOuts.records(for: Webhooks.person).isEmpty)
        }
    }

    @Test("a message that merely mentions stop opts nobody out")
    func ordinaryMessage() async throws {
        try await IntakeHarness.with { harness async throws in
            #expect(try await harness.post(Webhooks.inboundSMS(body: "please stop calling"), to: .sms).status == 200)
            #expect(try await harness.events().map(\.event.type) == [.smsInbound])
            #expect(try harness.store.optOuts.records(for: Webhooks.person).isEmpty)
        }
    }

    @Test("a status callback with ErrorCode 21610 opts the recipient out of the sender")
    func error21610() async throws {
        try await IntakeHarness.with { harness async throws in
            let fields = Webhooks.messageStatus(status: "failed", errorCode: "21610")
            #expect(try await harness.post(fields, to: .status, token: "cb-1").status == 204)

            let events = try await harness.events().map(\.event)
            #expect(events.map(\.type) == [.messageStatus, .optOut])
            #expect(events[1].parameters.first { $0.name == "Reason" }?.value == "twilio:21610")
            let record = try harness.store.optOuts.blocking(Webhooks.person, in: [.sender(Webhooks.number)])
            #expect(record?.reason == .twilioError21610)
        }
    }

    @Test("a retry after a lost opt-out event stores it then: effects are applied again for duplicates")
    func effectsOnRetry() async throws {
        try await IntakeHarness.with(.wrappingLog({ RefusingEventLog($0) { $0 == 2 ? .storageFailed : nil } })) {
            harness async throws in
            let fields = Webhooks.inboundSMS(body: "STOP")
            #expect(try await harness.post(fields, to: .sms, token: "stop-2").status == 503)
            #expect(try await harness.events().map(\.event.type) == [.smsInbound])

            #expect(try await harness.post(fields, to: .sms, token: "stop-2").status == 200)
            #expect(try await harness.events().map(\.event.type) == [.smsInbound, .optOut])
        }
    }
}
