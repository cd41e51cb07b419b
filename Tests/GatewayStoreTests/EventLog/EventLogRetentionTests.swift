import GatewayStore
import Testing

@Suite("SQLite event log: retention")
struct EventLogRetentionTests {
    @Test("retention by age deletes the events received before the limit, oldest first")
    func byAge() async throws {
        let directory = try TemporaryDirectory()
        let clock = ManualClock(10_000)
        let configuration = SQLiteEventLog.Configuration(
            retention: EventRetention(maxAge: .seconds(60)),
            retentionInterval: .seconds(3600)
        )
        let log = try SQLiteEventLog(directory: directory.path, configuration: configuration, clock: clock.read)
        for time in [9_000.0, 9_930.0, 9_950.0, 9_990.0] {
            _ = try await log.append(EventLogFixtures.messageStatus("SM1", "sent", at: time))
        }

        let report = try await log.enforceRetention()
        #expect(report.deletedEvents == 2)
        #expect(report.deletedBytes > 0)
        #expect(report.oldestOffset == 3)
        #expect(try await EventLogFixtures.readAll(log).map(\.offset) == [3, 4])

        clock.advance(seconds: 100)
        #expect(try await log.enforceRetention().deletedEvents == 2)
        #expect(
            try await log.enforceRetention() == RetentionReport(deletedEvents: 0, deletedBytes: 0, oldestOffset: nil)
        )
        #expect(try await log.latestOffset() == 4)
        await log.close()
    }

    @Test("retention by count keeps the newest events")
    func byCount() async throws {
        let directory = try TemporaryDirectory()
        let configuration = SQLiteEventLog.Configuration(retention: EventRetention(maxEvents: 3))
        let log = try SQLiteEventLog(directory: directory.path, configuration: configuration)
        for index in 0..<10 {
            _ = try await log.append(EventLogFixtures.messageStatus("SM\(index)", "sent"))
        }

        #expect(try await log.enforceRetention().deletedEvents == 7)
        #expect(try await EventLogFixtures.readAll(log).map(\.offset) == [8, 9, 10])
        await log.close()
    }

    @Test("retention by size counts the bytes of event content, across reopening")
    func bySize() async throws {
        let directory = try TemporaryDirectory()
        let event = EventLogFixtures.messageStatus("SM1", "sent")
        let measuring = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        _ = try await measuring.append(event)
        await measuring.close()
        let empty = SQLiteEventLog.Configuration(retention: EventRetention(maxBytes: 0))
        let emptying = try SQLiteEventLog(directory: directory.path, configuration: empty)
        let size = try await emptying.enforceRetention().deletedBytes
        await emptying.close()
        #expect(size > 50)

        let configuration = SQLiteEventLog.Configuration(retention: EventRetention(maxBytes: size * 4 + size / 2))
        do {
            let log = try SQLiteEventLog(directory: directory.path, configuration: configuration)
            for _ in 0..<6 {
                _ = try await log.append(event)
            }
            await log.close()
        }
        let log = try SQLiteEventLog(directory: directory.path, configuration: configuration)
        let report = try await log.enforceRetention()
        #expect(report.deletedEvents == 2)
        #expect(report.deletedBytes == size * 2)
        #expect(try await EventLogFixtures.readAll(log).map(\.offset) == [4, 5, 6, 7])
        await log.close()
    }

    @Test("offsets are never reused, even after retention deleted every event and the log was reopened")
    func offsetsNotReused() async throws {
        let directory = try TemporaryDirectory()
        let configuration = SQLiteEventLog.Configuration(retention: EventRetention(maxEvents: 0))
        do {
            let log = try SQLiteEventLog(directory: directory.path, configuration: configuration)
            for _ in 0..<3 {
                _ = try await log.append(EventLogFixtures.messageStatus("SM1", "sent"))
            }
            #expect(try await log.enforceRetention().deletedEvents == 3)
            #expect(try await log.read(after: 0, limit: 10, filter: .all).events.isEmpty)
            await log.close()
        }

        let reopened = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        #expect(try await reopened.latestOffset() == 3)
        #expect(try await reopened.append(EventLogFixtures.messageStatus("SM1", "sent")).offset == 4)
        await reopened.close()
    }

    @Test("a reader behind retention learns which offsets it missed; a reader from the start does not")
    func retentionGap() async throws {
        let directory = try TemporaryDirectory()
        let configuration = SQLiteEventLog.Configuration(retention: EventRetention(maxEvents: 2))
        let log = try SQLiteEventLog(directory: directory.path, configuration: configuration)
        for index in 0..<6 {
            _ = try await log.append(EventLogFixtures.messageStatus("SM\(index)", "sent"))
        }
        _ = try await log.acknowledge(1, consumer: "slow")
        _ = try await log.enforceRetention()

        let slow = try await log.read(after: 1, limit: 10, filter: .all)
        #expect(slow.retentionGap == 2...4)
        #expect(slow.events.map(\.offset) == [5, 6])
        #expect(try await log.acknowledgedOffset(consumer: "slow") == 1, "retention does not move acknowledgements")
        #expect(try await log.read(after: 0, limit: 10, filter: .all).retentionGap == nil)
        #expect(try await log.read(after: 4, limit: 10, filter: .all).retentionGap == nil)
        await log.close()
    }

    @Test("the writer enforces retention by itself every interval")
    func periodic() async throws {
        let directory = try TemporaryDirectory()
        let configuration = SQLiteEventLog.Configuration(
            retention: EventRetention(maxEvents: 1),
            retentionInterval: .milliseconds(20)
        )
        let log = try SQLiteEventLog(directory: directory.path, configuration: configuration)
        for index in 0..<3 {
            _ = try await log.append(EventLogFixtures.messageStatus("SM\(index)", "sent"))
        }

        let trimmed = try await EventLogFixtures.eventually {
            try await log.read(after: 0, limit: 10, filter: .all).events.count == 1
        }
        #expect(trimmed)
        await log.close()
    }

    @Test("retention of more events than one chunk deletes them all, keeping the newest, with appends in between")
    func chunked() async throws {
        let directory = try TemporaryDirectory()
        let configuration = SQLiteEventLog.Configuration(retention: EventRetention(maxEvents: 10))
        let log = try SQLiteEventLog(directory: directory.path, configuration: configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<50 {
                group.addTask {
                    for index in 0..<100 {
                        _ = try await log.append(EventLogFixtures.messageStatus("SM\(task)-\(index)", "sent"))
                    }
                }
            }
            try await group.waitForAll()
        }

        async let report = log.enforceRetention()
        let late = try await log.append(EventLogFixtures.messageStatus("SM-late", "sent"))
        let deleted = try await report.deletedEvents
        #expect(late.offset == 5_001)
        #expect(deleted == 4_990 || deleted == 4_991)
        #expect(try await log.enforceRetention().oldestOffset == 4_992)
        #expect(try await EventLogFixtures.readAll(log).map(\.offset) == Array(4_992...5_001))
        await log.close()
    }
}
