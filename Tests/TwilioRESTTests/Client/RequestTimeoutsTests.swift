import Testing

@testable import TwilioREST

@Suite("RequestTimeouts")
struct RequestTimeoutsTests {
    let configuration = TwilioConfiguration(connectTimeout: .seconds(5), requestTimeout: .seconds(15))
    let now = ContinuousClock.now

    @Test("without a deadline the configured timeouts apply")
    func noDeadline() throws {
        let timeouts = try RequestTimeouts(configuration: configuration, deadline: nil, now: now)

        #expect(timeouts.connect == .seconds(5))
        #expect(timeouts.total == .seconds(15))
    }

    @Test("a far deadline leaves the configured timeouts")
    func farDeadline() throws {
        let timeouts = try RequestTimeouts(configuration: configuration, deadline: now + .seconds(60), now: now)

        #expect(timeouts.connect == .seconds(5))
        #expect(timeouts.total == .seconds(15))
    }

    @Test("a near deadline shortens the request timeout and the connect timeout with it")
    func nearDeadline() throws {
        let timeouts = try RequestTimeouts(configuration: configuration, deadline: now + .seconds(2), now: now)

        #expect(timeouts.connect == .seconds(2))
        #expect(timeouts.total == .seconds(2))
    }

    @Test("a deadline that has passed fails as a timeout", arguments: [Duration.zero, .seconds(-1)])
    func passedDeadline(offset: Duration) {
        #expect {
            try RequestTimeouts(configuration: configuration, deadline: now + offset, now: now)
        } throws: { error in
            (error as? TwilioTransportError)?.kind == .timedOut
        }
    }
}
