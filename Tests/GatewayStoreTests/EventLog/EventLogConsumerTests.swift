import GatewayStore
import Testing

@Suite("SQLite event log: named consumers")
struct EventLogConsumerTests {
    @Test("a consumer's acknowledged offset only moves forward, and survives reopening")
    func forwardOnly() async throws {
        let directory = try TemporaryDirectory()
        do {
            let log = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
            for index in 0..<5 {
                _ = try await log.append(EventLogFixtures.messageStatus("SM\(index)", "sent"))
            }
            #expect(try await log.acknowledgedOffset(consumer: "billing") == nil)
            #expect(try await log.acknowledge(3, consumer: "billing") == 3)
            #expect(try await log.acknowledge(2, consumer: "billing") == 3)
            #expect(try await log.acknowledge(0, consumer: "audit") == 0)
            #expect(try await log.acknowledge(5, consumer: "billing") == 5)
            #expect(try await log.acknowledge(4, consumer: "billing") == 5)
            await log.close()
        }

        let reopened = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        #expect(try await reopened.acknowledgedOffset(consumer: "billing") == 5)
        #expect(try await reopened.acknowledgedOffset(consumer: "audit") == 0)
        #expect(try await reopened.acknowledgedOffset(consumer: "nobody") == nil)
        await reopened.close()
    }

    @Test(
        "an acknowledgement of an offset never appended, a negative one, or without a name is refused",
        arguments: [(Int64(3), "c"), (-1, "c"), (1, "")]
    )
    func refused(offset: Int64, name: String) async throws {
        let directory = try TemporaryDirectory()
        let log = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        _ = try await log.append(EventLogFixtures.messageStatus("SM1", "sent"))
        _ = try await log.append(EventLogFixtures.messageStatus("SM1", "delivered"))

        let error = await #expect(throws: EventLogError.self) {
            try await log.acknowledge(offset, consumer: name)
        }
        #expect(error?.code == .invalidArgument)
        #expect(try await log.acknowledgedOffset(consumer: name) == nil)
        #expect(try await log.acknowledge(2, consumer: "c") == 2, "a refused acknowledgement harms no later one")
        await log.close()
    }

    @Test("a consumer that resumes after its acknowledged offset sees every later event once, in order")
    func resume() async throws {
        let directory = try TemporaryDirectory()
        let log = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        for index in 0..<10 {
            _ = try await log.append(EventLogFixtures.messageStatus("SM\(index)", "sent"))
        }

        let firstSession = try await log.read(after: 0, limit: 4, filter: .all)
        _ = try await log.acknowledge(firstSession.resumeAfter, consumer: "c")
        let resumed = try #require(try await log.acknowledgedOffset(consumer: "c"))
        let rest = try await EventLogFixtures.readAll(log, after: resumed)
        #expect((firstSession.events + rest).map(\.offset) == Array(1...10))
        await log.close()
    }
}
