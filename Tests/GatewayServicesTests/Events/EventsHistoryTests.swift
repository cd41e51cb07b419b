import GatewayAPI
import GatewayServices
import GatewayStore
import RPCCore
import Testing

@Suite("Events service: ListEvents and AckEvents")
struct EventsHistoryTests {
    @Test("ListEvents pages back from the newest events, oldest first in each page, 50 by default")
    func paging() async throws {
        let harness = try EventsHarness()
        try await harness.append((1...120).map { SampleEvents.messageStatus($0) })

        let newest = try await harness.call(.listEvents, ListEventsRequest(), as: ListEventsResponse.self)
        #expect(newest.events.map(\.offset) == Array(71...120))
        var pages: [[Int64]] = []
        var before: Int64 = 0
        while true {
            let page = try await harness.call(
                .listEvents,
                ListEventsRequest(beforeOffset: before, limit: 45),
                as: ListEventsResponse.self
            )
            guard let first = page.events.first else {
                break
            }
            pages.append(page.events.map(\.offset))
            before = first.offset
        }
        #expect(pages == [Array(76...120), Array(31...75), Array(1...30)])
        let largest = try await harness.call(.listEvents, ListEventsRequest(limit: 1000), as: ListEventsResponse.self)
        #expect(largest.events.count == 120)
        await harness.close()
    }

    @Test(
        "ListEvents refuses a negative offset, a limit out of range and a malformed filter",
        arguments: [
            (ListEventsRequest(limit: 1001), ["limit"]),
            (ListEventsRequest(limit: -1), ["limit"]),
            (ListEventsRequest(beforeOffset: -5), ["before_offset"]),
            (ListEventsRequest(types: ["sms"], phoneNumber: "x", sid: "CA"), ["types", "phone_number", "sid"]),
        ]
    )
    func listValidation(request: ListEventsRequest, fields: [String]) async throws {
        let harness = try EventsHarness()
        let error = await #expect(throws: RPCError.self) {
            _ = try await harness.call(.listEvents, request, as: ListEventsResponse.self)
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.errorDetails?.fieldViolations.map(\.field) == fields)
        await harness.close()
    }

    @Test("AckEvents creates an unknown consumer and only moves forward")
    func acknowledgements() async throws {
        let harness = try EventsHarness()
        try await harness.append((1...5).map { SampleEvents.messageStatus($0) })

        let answers = try await [4, 2, 5, 0].asyncMap { offset in
            try await harness.call(
                .ackEvents,
                AckEventsRequest(consumer: "billing", offset: Int64(offset)),
                as: AckEventsResponse.self
            )
            .acknowledgedOffset
        }
        #expect(answers == [4, 4, 5, 5])
        #expect(try await harness.log.acknowledgedOffset(consumer: "billing") == 5)
        let fresh = try await harness.call(
            .ackEvents,
            AckEventsRequest(consumer: "new-one", offset: 0),
            as: AckEventsResponse.self
        )
        #expect(fresh.acknowledgedOffset == 0)
        #expect(try await harness.log.acknowledgedOffset(consumer: "new-one") == 0)
        await harness.close()
    }

    @Test(
        "AckEvents refuses a malformed consumer, a negative offset and one past the latest event",
        arguments: [
            (AckEventsRequest(consumer: "", offset: 1), ["consumer"]),
            (AckEventsRequest(consumer: "a/b", offset: 1), ["consumer"]),
            (AckEventsRequest(consumer: "c", offset: -1), ["offset"]),
            (AckEventsRequest(consumer: "c", offset: 4), ["offset"]),
        ]
    )
    func ackValidation(request: AckEventsRequest, fields: [String]) async throws {
        let harness = try EventsHarness()
        try await harness.append((1...3).map { SampleEvents.messageStatus($0) })
        let error = await #expect(throws: RPCError.self) {
            _ = try await harness.call(.ackEvents, request, as: AckEventsResponse.self)
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.errorDetails?.fieldViolations.map(\.field) == fields)
        await harness.close()
    }
}

extension Array {
    /// The results of `transform` on each element, in order, one at a time.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self {
            results.append(try await transform(element))
        }
        return results
    }
}

@Suite("Events service: text Protobuf cannot carry")
struct EventsUnsendableTextTests {
    @Test("a NUL in a webhook's parameters reaches history and streams as U+FFFD and stops neither")
    func nulCharacter() async throws {
        let harness = try EventsHarness()
        try await harness.append([
            SampleEvents.inboundSMS(1, body: "poison\u{0}pill"), SampleEvents.inboundSMS(2, body: "after"),
        ])

        let history = try await harness.call(.listEvents, ListEventsRequest(), as: ListEventsResponse.self)
        #expect(history.events.map { $0.parameters["Body"] } == ["poison\u{FFFD}pill", "after"])

        let stream = try harness.subscribe(SubscribeEventsRequest(start: .offset(1)))
        let streamed = try await stream.next(2)
        #expect(streamed.map { $0.parameters["Body"] } == ["poison\u{FFFD}pill", "after"])
        await harness.close()
    }
}
