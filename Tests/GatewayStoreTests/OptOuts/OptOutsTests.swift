import GatewayStore
import Testing

@Suite("Opt-outs")
struct OptOutsTests {
    private static let person = "+14155550100"

    @Test("a STOP to one sender blocks that sender only; START in the same scope lifts it")
    func perSender() throws {
        let directory = try TemporaryDirectory()
        let optOuts = try GatewayStore(directory: directory.path).optOuts
        let scope = OptOutScope.inbound(to: "+15005550006", messagingServiceSID: nil)
        #expect(scope == .sender("+15005550006"))

        #expect(try optOuts.optOut(Self.person, scope: scope, reason: .keyword("STOP")))
        #expect(try optOuts.optOut(Self.person, scope: scope, reason: .twilioError21610) == false)
        let record = try #require(
            try optOuts.blocking(Self.person, in: OptOutScope.outbound(from: "+15005550006", messagingServiceSID: nil))
        )
        #expect(record.reason == .keyword("STOP"), "the first reason stays")
        #expect(try optOuts.blocking(Self.person, in: [.sender("+15005550007")]) == nil)
        #expect(try optOuts.blocking("+19995550000", in: [scope]) == nil)

        #expect(try optOuts.optIn(Self.person, scope: .sender("+15005550007")) == false)
        #expect(try optOuts.optIn(Self.person, scope: scope))
        #expect(try optOuts.blocking(Self.person, in: [scope]) == nil)
        #expect(try optOuts.optIn(Self.person, scope: scope) == false)
    }

    @Test("an inbound STOP through a Messaging Service blocks every send that names the service")
    func perMessagingService() throws {
        let directory = try TemporaryDirectory()
        let clock = ManualClock()
        let optOuts = try GatewayStore(directory: directory.path, clock: clock.read).optOuts
        let service = OptOutScope.inbound(to: "+15005550006", messagingServiceSID: "MG1")
        #expect(service == .messagingService("MG1"))
        #expect(try optOuts.optOut(Self.person, scope: service, reason: .keyword("STOPALL")))
        clock.advance(seconds: 5)
        #expect(try optOuts.optOut(Self.person, scope: .sender("+15005550009"), reason: .twilioError21610))

        let viaService = OptOutScope.outbound(from: nil, messagingServiceSID: "MG1")
        #expect(try optOuts.blocking(Self.person, in: viaService)?.scope == service)
        let both = OptOutScope.outbound(from: "+15005550009", messagingServiceSID: "MG1")
        #expect(try optOuts.blocking(Self.person, in: both)?.scope == service, "the oldest opt-out answers")
        #expect(
            try optOuts.blocking(Self.person, in: OptOutScope.outbound(from: nil, messagingServiceSID: "MG2")) == nil
        )
        #expect(try optOuts.records(for: Self.person).map(\.scope) == [service, .sender("+15005550009")])
        #expect(try optOuts.records(for: Self.person).last?.reason == .twilioError21610)
    }

    @Test("the opt-outs of several scopes come back in one read, and no others")
    func recordsInScopes() throws {
        let directory = try TemporaryDirectory()
        let optOuts = try GatewayStore(directory: directory.path).optOuts
        try optOuts.optOut(Self.person, scope: .sender("+15005550006"), reason: .keyword("STOP"))
        try optOuts.optOut("+14155550101", scope: .messagingService("MG1"), reason: .twilioError21610)
        try optOuts.optOut("+14155550102", scope: .sender("+15005550009"), reason: .keyword("END"))

        let records = try optOuts.records(in: [.sender("+15005550006"), .messagingService("MG1"), .sender("+1")])
        #expect(Set(records.map(\.number)) == [Self.person, "+14155550101"])
        #expect(try optOuts.records(in: []).isEmpty)
    }
}
