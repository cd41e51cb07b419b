internal import GatewayAPI
internal import GatewayClient
internal import RPCCore
internal import Testing

/// Issue 4's loop through the running sandbox gateway: what the sandbox reports through the
/// signed webhooks reaches a SubscribeEvents consumer, and a consumer's TwiML answers Twilio.
@Suite("Events from the webhooks to a subscriber", .sharedSandboxGateway)
struct EventLoopTests {
    /// Reads `events` until `done` says so, and returns what it read.
    private static func collect(
        _ events: AsyncThrowingStream<Event, any Error>,
        until done: ([Event]) -> Bool
    ) async throws -> [Event] {
        var seen: [Event] = []
        for try await event in events {
            seen.append(event)
            if done(seen) {
                break
            }
        }
        return seen
    }

    @Test("a subscriber sees a sent message go queued → sending → sent → delivered")
    func sentMessageStatuses() async throws {
        let gateway = try SharedSandboxGateway.require()
        let service = try #require(gateway.sandbox?.messagingServiceSID)
        let recipient = "+14155550190"
        try await withGatewayClient(port: try gateway.requireRPCPort(), timeout: .seconds(20)) { client in
            let events = client.subscribeEvents(
                SubscribeEventsRequest(types: ["message.status"], phoneNumber: recipient, start: .offset(1))
            )
            let message = try await client.sendSms(
                SendSmsRequest(to: recipient, sender: .messagingServiceSID(service), body: "loop to a subscriber")
            )
            let seen = try await Self.collect(events) { seen in
                seen.contains { $0.messageSID == message.sid && $0.status == "delivered" }
            }
            let mine = seen.filter { $0.messageSID == message.sid }
            #expect(mine.map(\.status) == ["queued", "sending", "sent", "delivered"])
            #expect(mine.allSatisfy { $0.type == "message.status" && $0.to == recipient })
            #expect(zip(mine, mine.dropFirst()).allSatisfy { $0.offset < $1.offset })
        }
    }

    @Test("an inbound call gets the default TwiML with no consumer, and a consumer's TwiML once one answers")
    func inboundCallAnswered() async throws {
        let gateway = try SharedSandboxGateway.require()
        let person = "+14155550191"
        let number = try #require(gateway.sandbox?.numbers.first)
        let call = [
            "sandbox", "call", "--from", person, "--to", number, "--http-addr", "127.0.0.1:\(gateway.httpPort)",
        ]

        let unanswered = try await Program.run(GatewayProcess.executablePath, call)
        #expect(unanswered.status == 0, "\(unanswered)")
        #expect(unanswered.output.contains("<Say>Sorry, nobody can take this call right now. Goodbye.</Say>"))

        let watched = try await withGatewayClient(port: try gateway.requireRPCPort(), timeout: .seconds(20)) { client in
            var watching = client.subscribeEvents(
                SubscribeEventsRequest(types: ["call.inbound"], phoneNumber: person, start: .offset(1))
            ).makeAsyncIterator()
            _ = try await watching.next()
            return try await Program.run(GatewayProcess.executablePath, call)
        }
        #expect(watched.output.contains("Sorry, nobody can take this call"), "a watching subscriber does not answer")

        let twiml = "<Response><Say>Thanks for calling the subscriber</Say><Hangup/></Response>"
        try await withGatewayClient(port: try gateway.requireRPCPort(), timeout: .seconds(20)) { client in
            let events = client.subscribeEvents(
                SubscribeEventsRequest(
                    types: ["call.inbound"],
                    phoneNumber: person,
                    start: .offset(1),
                    answersWebhooks: true
                )
            )
            var iterator = events.makeAsyncIterator()
            let earlier = try #require(try await iterator.next(), "the first call is in the log")
            #expect(earlier.type == "call.inbound")

            async let answered = Program.run(GatewayProcess.executablePath, call)
            _ = try #require(try await iterator.next(), "the watched call is in the log")
            let ringing = try #require(try await iterator.next(), "the third call reaches the subscriber")
            #expect(ringing.callSID != earlier.callSID)
            let reply = try await client.respondToCall(callSID: ringing.callSID, twiml: twiml)
            #expect(reply.sid == ringing.callSID)

            let outcome = try await answered
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.output.contains("Thanks for calling the subscriber"))

            let late = try await expectRPCError {
                try await client.respondToCall(callSID: ringing.callSID, twiml: twiml)
            }
            #expect(late.error.code == .failedPrecondition)
        }
    }
}
