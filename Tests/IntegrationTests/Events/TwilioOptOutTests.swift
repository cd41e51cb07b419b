internal import GatewayAPI
internal import GatewayClient
internal import RPCCore
internal import Testing

/// A 21610 answer from Twilio opts the recipient out the way an inbound STOP does.
@Suite("Opt-outs learned from Twilio's 21610")
struct TwilioOptOutTests {
    @Test("Twilio's 21610 publishes an optout event, and the next send fails at the gateway")
    func refusedByTwilio() async throws {
        let gateway = try await GatewayProcess.start()
        let sender = try #require(gateway.sandbox?.numbers.first)
        let optedOut = "+15005550004"
        try await withGatewayClient(port: try gateway.requireRPCPort()) { client in
            let request = SendSmsRequest(to: optedOut, sender: .from(sender), body: "sale")
            let first = try await expectRPCError { try await client.sendSms(request) }
            #expect(first.error.errorDetails?.twilioCode == 21610)
            #expect(!first.error.message.contains("opt-out list"), "the first refusal is Twilio's")

            let second = try await expectRPCError { try await client.sendSms(request) }
            #expect(second.error.code == .failedPrecondition)
            #expect(second.error.message.contains("from the gateway's opt-out list"), "\(second.error.message)")

            let history = try await client.listEvents(ListEventsRequest(types: ["optout"]))
            let event = try #require(history.events.first)
            #expect(history.events.count == 1)
            #expect(event.to == optedOut && event.from == sender)
            #expect(event.parameters["Reason"] == "twilio:21610")
            #expect(event.parameters["SourceType"] == "send.refused")
        }
        _ = await gateway.stop()
    }
}
