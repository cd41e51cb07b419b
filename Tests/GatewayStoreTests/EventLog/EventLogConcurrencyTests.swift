import GatewayStore
import ServiceSupport
import Testing

@Suite("SQLite event log: concurrent appends, group commit, backpressure")
struct EventLogConcurrencyTests {
    @Test("64 tasks × 200 appends: every offset unique and dense, nothing lost, batched into fewer commits")
    func concurrentAppends() async throws {
        let directory = try TemporaryDirectory()
        let logs = InMemoryLogHandler()
        let log = try SQLiteEventLog(
            directory: directory.path,
            configuration: EventLogFixtures.keepEverything,
            logger: Logger(label: "test", handler: logs, minimumLevel: .trace)
        )
        let tasks = 64
        let appendsPerTask = 200

        let offsets = try await withThrowingTaskGroup(of: [(Int64, String)].self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var stored: [(Int64, String)] = []
                    for index in 0..<appendsPerTask {
                        let key = "task-\(task)-\(index)"
                        let event = EventLogFixtures.messageStatus("SM\(task)", "sent", key: key)
                        stored.append((try await log.append(event).offset, key))
                    }
                    #expect(stored.map(\.0) == stored.map(\.0).sorted(), "one task's appends keep their order")
                    return stored
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }

        let total = tasks * appendsPerTask
        #expect(offsets.count == total)
        #expect(offsets.map(\.0).sorted() == Array(1...Int64(total)))
        let stored = try await EventLogFixtures.readAll(log)
        let keys = Dictionary(uniqueKeysWithValues: stored.map { ($0.offset, $0.event.dedupeKey ?? "") })
        #expect(offsets.allSatisfy { keys[$0.0] == $0.1 })
        #expect(try await log.latestOffset() == Int64(total))

        let commits = logs.records.filter { $0.message == "event_log.committed" }
        let committed = commits.compactMap { $0.metadata["event_log.batch.size"].flatMap { Int($0) } }
        #expect(committed.reduce(0, +) == total)
        #expect(commits.count < total, "concurrent appends share transactions")
        await log.close()
    }

    @Test("with group commit off, every append is its own transaction and still lands")
    func groupCommitOff() async throws {
        let directory = try TemporaryDirectory()
        let logs = InMemoryLogHandler()
        let configuration = SQLiteEventLog.Configuration(retention: .unlimited, maxBatchSize: 1)
        let log = try SQLiteEventLog(
            directory: directory.path,
            configuration: configuration,
            logger: Logger(label: "test", handler: logs, minimumLevel: .trace)
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<5 {
                        _ = try await log.append(
                            EventLogFixtures.messageStatus("SM\(task)", "sent", key: "\(task)-\(index)")
                        )
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(logs.records.filter { $0.message == "event_log.committed" }.count == 40)
        #expect(try await EventLogFixtures.readAll(log).count == 40)
        await log.close()
    }

    @Test("reads answer while the writer waits for the write lock with appends in hand")
    func readsDoNotWaitForTheWriter() async throws {
        let directory = try TemporaryDirectory()
        let log = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        _ = try await log.append(EventLogFixtures.messageStatus("SM1", "sent"))
        _ = try await log.acknowledge(1, consumer: "c")
        let lock = try await SQLiteWriteLock(path: log.path, scratch: directory)

        async let blocked = log.append(EventLogFixtures.messageStatus("SM1", "delivered"))
        // Time for the writer to take the append and wait in BEGIN IMMEDIATE; were the reads to
        // need the writer's connection, they would wait with it until its busy timeout failed it.
        try await Task.sleep(for: .milliseconds(50))
        #expect(try await log.read(after: 0, limit: 10, filter: .all).events.map(\.offset) == [1])
        #expect(try await log.acknowledgedOffset(consumer: "c") == 1)
        #expect(try await log.firstOffset(receivedAtOrAfter: 0) == 1)
        #expect(try await log.latestOffset() == 1)
        try lock.release()
        #expect(try await blocked.offset == 2)
        await log.close()
    }

    @Test("an append beyond the pending bound fails at once as overloaded; the accepted ones all commit")
    func backpressure() async throws {
        let directory = try TemporaryDirectory()
        let bound = 8
        let configuration = SQLiteEventLog.Configuration(
            retention: .unlimited,
            maxPendingAppends: bound,
            maxBatchSize: 1
        )
        let log = try SQLiteEventLog(directory: directory.path, configuration: configuration)
        let lock = try await SQLiteWriteLock(path: log.path, scratch: directory)

        let attempts = 30
        let lowest = attempts - bound - 1
        let outcomes = await withTaskGroup(of: EventLogError?.self) { group in
            for index in 0..<attempts {
                group.addTask {
                    do throws(EventLogError) {
                        _ = try await log.append(EventLogFixtures.messageStatus("SM\(index)", "sent", key: "k\(index)"))
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            // Refusals come back at once, while the writer waits for the lock; the lock goes once
            // they are in (or, if the log is broken, once anything else comes back).
            var outcomes: [EventLogError?] = []
            for await outcome in group {
                outcomes.append(outcome)
                if outcomes.count == lowest || outcome?.code != .overloaded {
                    try? lock.release()
                }
            }
            return outcomes
        }

        let refusals = outcomes.compactMap { $0 }
        #expect(refusals.allSatisfy { $0.code == .overloaded && $0.message.contains("try again") })
        #expect(refusals.count >= lowest && refusals.count <= attempts - bound)
        #expect(try await EventLogFixtures.readAll(log).count == attempts - refusals.count)
        await log.close()
    }
}
