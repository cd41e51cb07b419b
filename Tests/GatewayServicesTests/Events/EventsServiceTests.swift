import GatewayAPI
import GatewayServices
import GatewayStore
import ProtoBridge
import RPCCore
import ServiceSupport
import Testing

@Suite("Events service: SubscribeEvents")
struct EventsServiceTests {
    /// A harness whose log holds five message events received at 1000, 1001, … seconds.
    private func seeded() async throws -> EventsHarness {
        let harness = try EventsHarness()
        try await harness.append((1...5).map { SampleEvents.messageStatus($0, at: 999 + Double($0)) })
        return harness
    }

    @Test(
        "each start position picks the first event",
        arguments: [
            (SubscribeEventsRequest.Start.offset(3), [3, 4, 5, 6] as [Int64]),
            (.offset(0), [1, 2, 3, 4, 5, 6]),
            (.offset(6), [6]),
            (.time(Timestamp.rfc3339(1003)), [4, 5, 6]),
            (.time("1970-01-01T00:16:41.5+00:00"), [3, 4, 5, 6]),
            (.time("2100-01-01T00:00:00Z"), [6]),
        ]
    )
    func startPositions(start: SubscribeEventsRequest.Start, expected: [Int64]) async throws {
        let harness = try await seeded()
        let stream = try harness.subscribe(SubscribeEventsRequest(start: start))
        try await harness.waitForSubscribers(1)
        try await harness.append([SampleEvents.messageStatus(6, at: 2000)])

        #expect(try await stream.next(expected.count).map(\.offset) == expected)
        await harness.close()
    }

    @Test("with no start position only events appended after the call arrive")
    func liveOnly() async throws {
        let harness = try await seeded()
        let stream = try harness.subscribe(SubscribeEventsRequest())
        try await harness.waitForSubscribers(1)
        try await harness.append([SampleEvents.messageStatus(6), SampleEvents.messageStatus(7)])

        #expect(try await stream.next(2).map(\.offset) == [6, 7])
        await harness.close()
    }

    @Test("filters by type, by number (From or To) and by SID, in the stream and alike in the history")
    func filters() async throws {
        let harness = try EventsHarness()
        try await harness.append([
            SampleEvents.messageStatus(1), SampleEvents.inboundCall(2), SampleEvents.inboundSMS(3, body: "hi"),
            SampleEvents.messageStatus(4, to: "+15550001111"), SampleEvents.inboundCall(5, from: "+15553334444"),
        ])
        let cases: [(SubscribeEventsRequest, [Int64])] = [
            (SubscribeEventsRequest(types: ["call.inbound"]), [2, 5]),
            (SubscribeEventsRequest(types: ["call.inbound", "sms.inbound"]), [2, 3, 5]),
            (SubscribeEventsRequest(phoneNumber: "+15550001111"), [2, 4]),
            (SubscribeEventsRequest(types: ["message.status"], phoneNumber: "+15550001111"), [4]),
            (SubscribeEventsRequest(sid: SampleEvents.sid("CA", 5)), [5]),
            (SubscribeEventsRequest(sid: SampleEvents.sid("SM", 3)), [3]),
        ]
        for (request, expected) in cases {
            var streamed = request
            streamed.start = .offset(1)
            let stream = try harness.subscribe(streamed)
            #expect(try await stream.next(expected.count).map(\.offset) == expected, "\(request)")

            let listed = try await harness.call(
                .listEvents,
                ListEventsRequest(types: request.types, phoneNumber: request.phoneNumber, sid: request.sid),
                as: ListEventsResponse.self
            )
            #expect(listed.events.map(\.offset) == expected, "\(request)")
        }
        await harness.close()
    }

    @Test("an event carries its typed fields, the receive time in RFC 3339, and each parameter's first value")
    func eventFields() async throws {
        let harness = try EventsHarness()
        try await harness.append([SampleEvents.inboundSMS(7, body: "héllo", at: 1_735_732_800.25)])
        let stream = try harness.subscribe(SubscribeEventsRequest(start: .offset(1)))
        let event = try #require(try await stream.next())

        #expect(event.offset == 1)
        #expect(event.type == "sms.inbound")
        #expect(event.receivedAt == "2025-01-01T12:00:00.250Z")
        #expect(event.messageSID == SampleEvents.sid("SM", 7))
        #expect(event.callSID.isEmpty)
        #expect(event.from == "+15550002222")
        #expect(event.to == "+15557654321")
        #expect(event.status == "received")
        #expect(event.parameters["Body"] == "héllo")
        #expect(event.parameters["MediaUrl0"] == "a")
        await harness.close()
    }

    @Test(
        "a consumer that disconnects mid-stream resumes after its acknowledged offset: nothing lost, nothing before it again"
    )
    func consumerResumes() async throws {
        let harness = try await seeded()
        var stream: EventStream? = try harness.subscribe(
            SubscribeEventsRequest(start: .offset(1), consumer: "worker-1")
        )
        let seen = try await stream?.next(3).map(\.offset)
        #expect(seen == [1, 2, 3])
        let ack = try await harness.call(
            .ackEvents,
            AckEventsRequest(consumer: "worker-1", offset: 2),
            as: AckEventsResponse.self
        )
        #expect(ack.acknowledgedOffset == 2)
        stream = nil
        try await harness.waitForSubscribers(0)
        try await harness.append((6...8).map { SampleEvents.messageStatus($0) })

        let resumed = try harness.subscribe(SubscribeEventsRequest(start: .offset(1), consumer: "worker-1"))
        #expect(try await resumed.next(6).map(\.offset) == [3, 4, 5, 6, 7, 8])
        _ = try await harness.call(
            .ackEvents,
            AckEventsRequest(consumer: "worker-1", offset: 8),
            as: AckEventsResponse.self
        )

        let caughtUp = try harness.subscribe(SubscribeEventsRequest(consumer: "worker-1"))
        try await harness.waitForSubscribers(2)
        try await harness.append([SampleEvents.messageStatus(9)])
        #expect(try await caughtUp.next()?.offset == 9)
        await harness.close()
    }

    @Test("the stream ends with DEADLINE_EXCEEDED at its deadline and frees its subscriber")
    func deadline() async throws {
        let harness = try EventsHarness()
        let stream = try harness.subscribe(SubscribeEventsRequest(), timeout: .milliseconds(200))
        let error = await #expect(throws: RPCError.self) {
            _ = try await stream.next()
        }
        #expect(error?.code == .deadlineExceeded)
        try await harness.waitForSubscribers(0)
        await harness.close()
    }

    @Test("the gateway shutting down ends streams with UNAVAILABLE, retryable")
    func shutdown() async throws {
        let harness = try EventsHarness()
        let stream = try harness.subscribe(SubscribeEventsRequest())
        try await harness.waitForSubscribers(1)
        harness.fanOut.finish()
        let error = await #expect(throws: RPCError.self) {
            _ = try await stream.next()
        }
        #expect(error?.code == .unavailable)
        #expect(error?.isRetryable == true)
        await harness.close()
    }

    @Test(
        "a malformed request is INVALID_ARGUMENT naming the fields",
        arguments: [
            (SubscribeEventsRequest(types: ["sms.inbund"]), ["types"]),
            (SubscribeEventsRequest(phoneNumber: "5551234"), ["phone_number"]),
            (SubscribeEventsRequest(phoneNumber: "+1 555"), ["phone_number"]),
            (SubscribeEventsRequest(sid: "SM123"), ["sid"]),
            (SubscribeEventsRequest(start: .offset(-1)), ["start_offset"]),
            (SubscribeEventsRequest(start: .time("yesterday")), ["start_time"]),
            (SubscribeEventsRequest(start: .time("2026-02-30T00:00:00Z")), ["start_time"]),
            (SubscribeEventsRequest(consumer: "has space"), ["consumer"]),
            (SubscribeEventsRequest(consumer: String(repeating: "a", count: 65)), ["consumer"]),
            (
                SubscribeEventsRequest(types: ["x"], sid: "CA1", start: .time(""), consumer: "é"),
                ["types", "sid", "start_time", "consumer"]
            ),
        ]
    )
    func validation(request: SubscribeEventsRequest, fields: [String]) async throws {
        let harness = try EventsHarness()
        let stream = try harness.subscribe(request)
        let error = await #expect(throws: RPCError.self) {
            _ = try await stream.next()
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.errorDetails?.fieldViolations.map(\.field) == fields)
        await harness.close()
    }

    @Test("valid shapes of filters are accepted", arguments: ["whatsapp:+15551234567", "client:alice", "+15551234567"])
    func acceptedNumbers(number: String) async throws {
        let harness = try EventsHarness()
        let stream = try harness.subscribe(SubscribeEventsRequest(phoneNumber: number, consumer: "a.b_c-1"))
        try await harness.waitForSubscribers(1)
        try await harness.append([SampleEvents.inboundCall(1, from: number)])
        #expect(try await stream.next()?.from == number)
        await harness.close()
    }
}
