import GatewayServices
import GatewayStore
import GatewayTestSupport
import Testing
import TwilioREST
import WebhookIntake

@Suite("Answering Twilio")
struct AnswerTests {
    @Test("with no consumer connected, an inbound call gets the default TwiML at once")
    func defaultAnswer() async throws {
        try await IntakeHarness.with { harness async throws in
            let response = try await harness.post(Webhooks.inboundCall(), to: .voice)
            #expect(response.status == 200)
            #expect(response.header(named: "Content-Type")?.hasPrefix("text/xml") == true)
            #expect(response.text == VoiceAnswers.builtInTwiML)
            #expect(harness.board.waitingSIDs.isEmpty)
        }
    }

    @Test("the called number's own default wins over the default for all numbers")
    func perNumber() async throws {
        let answers = try VoiceAnswers(
            defaultTwiML: "<Response><Reject/></Response>",
            twimlByNumber: ["+15005550010": "<Response><Say>Sales</Say></Response>"]
        )
        try await IntakeHarness.with(.configured({ $0.voiceAnswers = answers })) { harness async throws in
            let sales = try await harness.post(Webhooks.inboundCall(sid: "CA1", to: "+15005550010"), to: .voice)
            let other = try await harness.post(Webhooks.inboundCall(sid: "CA2", to: "+15005550011"), to: .voice)
            #expect(sales.text == "<Response><Say>Sales</Say></Response>")
            #expect(other.text == "<Response><Reject/></Response>")
        }
    }

    @Test("an inbound call is answered with the TwiML a consumer gives within the window")
    func consumerAnswer() async throws {
        try await IntakeHarness.with(
            .configured({ configuration in
                configuration.hasResponder = { $0 == .callInbound }
                configuration.voiceAnswerWindow = .seconds(10)
            })
        ) { harness async throws in
            let sid = "CA00112233445566778899aabbccddeeff"
            async let response = harness.post(Webhooks.inboundCall(sid: sid), to: .voice)
            let waiting = await eventually { harness.board.waitingSIDs.contains(sid) ? true : nil }
            #expect(waiting == true)
            #expect(try await harness.waitForEvents(count: 1))
            try harness.board.reply(to: sid, twiml: "<Response><Dial>+14155550199</Dial></Response>")

            let answered = try await response
            #expect(answered.status == 200)
            #expect(answered.text == "<Response><Dial>+14155550199</Dial></Response>")
        }
    }

    @Test("when the consumer stays silent, the call gets the default once the window closes")
    func silentConsumer() async throws {
        try await IntakeHarness.with(
            .configured({ configuration in
                configuration.hasResponder = { _ in true }
                configuration.voiceAnswerWindow = .milliseconds(200)
            })
        ) { harness async throws in
            let response = try await harness.post(Webhooks.inboundCall(), to: .voice)
            #expect(response.text == VoiceAnswers.builtInTwiML)
            #expect(throws: WebhookReplyBoard.ReplyError.self) {
                try harness.board.reply(to: "CA00112233445566778899aabbccddeeff", twiml: "<Response/>")
            }
        }
    }

    @Test("an inbound message gets an empty Response, or the consumer's reply")
    func messages() async throws {
        try await IntakeHarness.with(
            .configured({ configuration in
                configuration.hasResponder = { $0 == .smsInbound }
            })
        ) { harness async throws in
            async let replied = harness.post(Webhooks.inboundSMS(sid: "SM1"), to: .sms)
            _ = await eventually { harness.board.waitingSIDs.contains("SM1") ? true : nil }
            try harness.board.reply(to: "SM1", twiml: "<Response><Message>Thanks!</Message></Response>")
            #expect(try await replied.text == "<Response><Message>Thanks!</Message></Response>")
        }
        try await IntakeHarness.with { harness async throws in
            let response = try await harness.post(Webhooks.inboundSMS(sid: "SM2"), to: .sms)
            #expect(response.text == WebhookIntake.emptyMessagingResponse)
            #expect(response.header(named: "Content-Type")?.hasPrefix("text/xml") == true)
        }
    }

    @Test("a webhook that cannot be stored stops waiting and is answered 503")
    func refusedWhileWaiting() async throws {
        let options = IntakeHarness.Options(
            configure: { $0.hasResponder = { _ in true } },
            eventLog: { RefusingEventLog($0, refusingFirst: 1, with: .overloaded) }
        )
        try await IntakeHarness.with(options) { harness async throws in
            #expect(try await harness.post(Webhooks.inboundCall(), to: .voice).status == 503)
            #expect(harness.board.waitingSIDs.isEmpty)
        }
    }

    @Test("status callbacks are answered 204 with no body")
    func statusAnswer() async throws {
        try await IntakeHarness.with { harness async throws in
            let response = try await harness.post(Webhooks.messageStatus(status: "sent"), to: .status)
            #expect(response.status == 204)
            #expect(response.body.isEmpty)
        }
    }
}

@Suite("Answering Twilio, fast consumers")
struct FastConsumerTests {
    @Test("a consumer that answers the moment the event is stored still finds the call waiting")
    func immediateReply() async throws {
        try await IntakeHarness.with(.configured({ $0.hasResponder = { _ in true } })) { harness async throws in
            let sid = "CA00112233445566778899aabbccddeeff"
            let consumer = Task { () -> Bool in
                for await latest in harness.eventLog.latestOffsets() where latest > 0 {
                    return (try? harness.board.reply(to: sid, twiml: "<Response><Say>Fast</Say></Response>")) != nil
                }
                return false
            }
            let response = try await harness.post(Webhooks.inboundCall(sid: sid), to: .voice)
            #expect(await consumer.value)
            #expect(response.text == "<Response><Say>Fast</Say></Response>")
        }
    }
}
