import GatewayServices
import GatewayStore
import Synchronization
import Testing

@Suite("Event fan-out")
struct EventFanOutTests {
    /// Reads `count` events from `subscription`.
    private func read(_ count: Int, from subscription: EventSubscription) async throws -> [LoggedEvent] {
        var events: [LoggedEvent] = []
        while events.count < count, let logged = try await subscription.next() {
            events.append(logged)
        }
        return events
    }

    @Test("a slow subscriber with a tiny buffer neither slows a fast one nor loses events, in bounded memory")
    func slowSubscriber() async throws {
        let harness = try EventsHarness(configuration: EventFanOut.Configuration(bufferCapacity: 64, batchSize: 16))
        let slow = harness.fanOut.subscribe(after: 0, filter: .all, bufferCapacity: 2)
        let fast = harness.fanOut.subscribe(after: 0, filter: .all)
        var first: Int64 = 0
        for number in 0..<100 where !slow.statistics.isLive || !fast.statistics.isLive {
            first = try await harness.append([SampleEvents.messageStatus(number)])[0]
            #expect(try await read(1, from: slow).map(\.offset) == [first])
            #expect(try await read(1, from: fast).map(\.offset) == [first])
        }
        try #require(slow.statistics.isLive && fast.statistics.isLive, "both subscribers follow live events")
        let delivered = slow.statistics.delivered

        let total = 300
        let fastReader = Task {
            let offsets = try await read(total, from: fast).map(\.offset)
            return (offsets, fast.statistics)
        }
        let writers = (0..<4).map { writer in
            Task {
                try await harness.append((0..<(total / 4)).map { SampleEvents.messageStatus(writer * 1000 + $0) })
            }
        }
        for writer in writers {
            _ = try await writer.value
        }
        let (fastOffsets, fastStatistics) = try await fastReader.value

        let expected = Array((first + 1)...(first + Int64(total)))
        #expect(fastOffsets == expected)
        #expect(slow.statistics.delivered == delivered, "the fast subscriber finished while the slow one read nothing")
        let slowOffsets = try await read(total, from: slow).map(\.offset)
        #expect(slowOffsets == expected)
        #expect(slow.statistics.overflows >= 1)
        #expect(slow.statistics.mostBuffered <= 2)
        #expect(fastStatistics.mostBuffered <= 64)
        await harness.close()
    }

    @Test("many writers and filtered subscribers: each sees exactly its events, in log order, once")
    func concurrentFilters() async throws {
        let harness = try EventsHarness(configuration: EventFanOut.Configuration(bufferCapacity: 8, batchSize: 10))
        let filters = [
            EventFilter.all, EventFilter(types: [.callInbound]), EventFilter(phoneNumber: "+15559990000"),
            EventFilter(types: [.messageStatus], phoneNumber: "+15559990000"),
        ]
        let subscriptions = filters.map { harness.fanOut.subscribe(after: 0, filter: $0) }
        let writers = (0..<8).map { writer in
            Task {
                try await harness.append(
                    (0..<40).map { index -> GatewayEvent in
                        let number = writer * 100 + index
                        switch index % 3 {
                        case 0: return SampleEvents.inboundCall(number)
                        case 1: return SampleEvents.messageStatus(number, to: "+15559990000")
                        default: return SampleEvents.messageStatus(number)
                        }
                    }
                )
            }
        }
        for writer in writers {
            _ = try await writer.value
        }

        let stored = try await harness.log.read(after: 0, limit: 1000, filter: .all).events
        #expect(stored.count == 320)
        for (filter, subscription) in zip(filters, subscriptions) {
            let expected = stored.filter { filter.matches($0.event) }
            let seen = try await read(expected.count, from: subscription)
            #expect(seen == expected)
        }
        await harness.close()
    }

    @Test("a subscription made before the fan-out runs catches up from the log, then follows live events")
    func beforeRun() async throws {
        let harness = try EventsHarness(start: false)
        _ = try await harness.append([SampleEvents.messageStatus(1), SampleEvents.messageStatus(2)])
        let subscription = harness.fanOut.subscribe(after: 0, filter: .all)
        #expect(try await read(2, from: subscription).map(\.offset) == [1, 2])

        let running = Task { await harness.fanOut.run() }
        let reader = Task { try await read(1, from: subscription).map(\.offset) }
        _ = try await harness.append([SampleEvents.messageStatus(3)])
        #expect(try await reader.value == [3])
        harness.fanOut.finish()
        await running.value
        await harness.close()
    }

    @Test("finishing the fan-out ends a waiting subscription, and later ones at once")
    func finishEnds() async throws {
        let harness = try EventsHarness()
        let subscription = harness.fanOut.subscribe(after: try await harness.log.latestOffset(), filter: .all)
        let waiting = Task { try await subscription.next() }
        try await harness.waitForSubscribers(1)
        harness.fanOut.finish()
        #expect(try await waiting.value == nil)
        #expect(try await harness.fanOut.subscribe(after: 0, filter: .all).next() == nil)
        await harness.close()
    }

    @Test("cancelling the task waiting for an event ends it with CancellationError and frees the subscriber")
    func cancellation() async throws {
        let harness = try EventsHarness()
        let fanOut = harness.fanOut
        let waiting = Task {
            let subscription = fanOut.subscribe(after: 0, filter: .all)
            return try await subscription.next()
        }
        try await harness.waitForSubscribers(1)
        waiting.cancel()
        await #expect(throws: CancellationError.self) {
            _ = try await waiting.value
        }
        #expect(fanOut.subscriberCount == 0)
        await harness.close()
    }

    @Test("hasSubscriber says whether a connected subscriber's filter passes an event, or takes its type")
    func hasSubscriber() async throws {
        let harness = try EventsHarness()
        let call = SampleEvents.inboundCall(1)
        let sms = SampleEvents.inboundSMS(2, body: "hi")
        #expect(!harness.fanOut.hasSubscriber(for: call))
        var calls: EventSubscription? = harness.fanOut.subscribe(after: 0, filter: EventFilter(types: [.callInbound]))
        #expect(harness.fanOut.hasSubscriber(for: call))
        #expect(!harness.fanOut.hasSubscriber(for: sms))
        #expect(harness.fanOut.hasSubscriber(receiving: .callInbound))
        #expect(!harness.fanOut.hasSubscriber(receiving: .smsInbound))
        #expect(calls != nil)
        calls = nil
        #expect(!harness.fanOut.hasSubscriber(for: call))
        #expect(!harness.fanOut.hasSubscriber(receiving: .callInbound))
        let everything = harness.fanOut.subscribe(after: 0, filter: EventFilter(phoneNumber: "+15550009999"))
        #expect(harness.fanOut.hasSubscriber(receiving: .smsInbound))
        #expect(!harness.fanOut.hasSubscriber(for: sms))
        #expect(everything.statistics.delivered == 0)
        await harness.close()
    }

    @Test("hasResponder counts only subscribers that said they answer webhooks")
    func hasResponder() async throws {
        let harness = try EventsHarness()
        let watching = harness.fanOut.subscribe(after: 0, filter: .all)
        #expect(harness.fanOut.hasSubscriber(receiving: .callInbound))
        #expect(!harness.fanOut.hasResponder(receiving: .callInbound))
        var answering: EventSubscription? = harness.fanOut.subscribe(
            after: 0,
            filter: EventFilter(types: [.callInbound]),
            answersWebhooks: true
        )
        #expect(harness.fanOut.hasResponder(receiving: .callInbound))
        #expect(!harness.fanOut.hasResponder(receiving: .smsInbound))
        #expect(answering != nil)
        answering = nil
        #expect(!harness.fanOut.hasResponder(receiving: .callInbound))
        #expect(watching.statistics.delivered == 0)
        await harness.close()
    }
}
