import Foundation
import GatewayStore
import Testing

@Suite("SQLite event log: append, read, filter, dedupe, seek")
struct SQLiteEventLogTests {
    @Test("appended events come back whole, in order, with offsets from 1")
    func appendAndRead() async throws {
        let directory = try TemporaryDirectory()
        let log = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        let inbound = GatewayEvent(
            type: .smsInbound,
            receivedAt: 1_735_732_800.25,
            messageSID: "SM1",
            accountSID: "AC1",
            from: "+14155550100",
            to: "+15005550006",
            status: "received",
            dedupeKey: "token-1",
            parameters: [
                EventParameter("Body", "Héllo 👋"), EventParameter("MediaUrl", "a"), EventParameter("ToCity", ""),
                EventParameter("MediaUrl", "b"),
            ]
        )

        let first = try await log.append(inbound)
        let second = try await log.append(EventLogFixtures.messageStatus("SM2", "sent"))
        #expect(first == EventAppendResult(offset: 1, isDuplicate: false))
        #expect(second == EventAppendResult(offset: 2, isDuplicate: false))
        #expect(try await log.latestOffset() == 2)

        let batch = try await log.read(after: 0, limit: 10, filter: .all)
        #expect(batch.events.map(\.offset) == [1, 2])
        #expect(batch.events.first?.event == inbound)
        #expect(batch.resumeAfter == 2)
        #expect(batch.retentionGap == nil)
        #expect(try await log.read(after: 1, limit: 10, filter: .all).events.map(\.offset) == [2])
        #expect(try await log.read(after: 2, limit: 10, filter: .all) == EventBatch(events: [], resumeAfter: 2))
        await log.close()
    }

    @Test("a webhook's typed fields come from Twilio's parameter names, the first non-empty value winning")
    func webhookFields() {
        let event = GatewayEvent(
            type: .callStatus,
            receivedAt: 0,
            dedupeKey: "k",
            webhookParameters: [
                EventParameter("CallSid", "CA1"), EventParameter("CallStatus", ""),
                EventParameter("CallStatus", "ringing"),
                EventParameter("From", "+1415"), EventParameter("From", "+1999"), EventParameter("To", "+1500"),
            ]
        )
        #expect(event.callSID == "CA1")
        #expect(event.status == "ringing")
        #expect(event.from == "+1415")
        #expect(event.to == "+1500")
        #expect(event.messageSID == nil)
        #expect(event.parameters.count == 6)
    }

    @Test("a repeated dedupe key stores nothing and answers with the first event's offset, also after reopening")
    func dedupe() async throws {
        let directory = try TemporaryDirectory()
        do {
            let log = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
            #expect(try await log.append(EventLogFixtures.messageStatus("SM1", "sent", key: "t1")).offset == 1)
            #expect(try await log.append(EventLogFixtures.messageStatus("SM1", "sent")).offset == 2)
            #expect(try await log.append(EventLogFixtures.messageStatus("SM1", "sent")).offset == 3)
            #expect(try await log.append(EventLogFixtures.messageStatus("SM1", "sent", key: "")).offset == 4)
            let retry = try await log.append(EventLogFixtures.messageStatus("SM1", "delivered", key: "t1"))
            #expect(retry == EventAppendResult(offset: 1, isDuplicate: true))
            await log.close()
        }

        let reopened = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        let retry = try await reopened.append(EventLogFixtures.messageStatus("SM1", "sent", key: "t1"))
        #expect(retry == EventAppendResult(offset: 1, isDuplicate: true))
        let events = try await EventLogFixtures.readAll(reopened)
        #expect(events.map(\.offset) == [1, 2, 3, 4])
        #expect(events.map(\.event.dedupeKey) == ["t1", nil, nil, nil])
        #expect(try await reopened.append(EventLogFixtures.messageStatus("SM1", "read")).offset == 5)
        await reopened.close()
    }

    @Test(
        "filters select by type, by a number in From or To, and by a sid in MessageSid or CallSid",
        arguments: [
            (EventFilter.all, [1, 2, 3, 4, 5] as [Int64]),
            (EventFilter(types: [.callStatus]), [3, 4]),
            (EventFilter(types: [.callStatus, .smsInbound]), [3, 4, 5]),
            (EventFilter(phoneNumber: "+14155550100"), [1, 2, 3]),
            (EventFilter(phoneNumber: "+19995550000"), [4, 5]),
            (EventFilter(sid: "SM1"), [1, 2]),
            (EventFilter(sid: "CA1"), [3]),
            (EventFilter(types: [.messageStatus], phoneNumber: "+14155550100", sid: "SM1"), [1, 2]),
            (EventFilter(types: [.optOut]), []),
            (EventFilter(phoneNumber: "+10000000000", sid: "SM1"), []),
        ]
    )
    func filters(filter: EventFilter, expected: [Int64]) async throws {
        let directory = try TemporaryDirectory()
        let log = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        let events = [
            EventLogFixtures.messageStatus("SM1", "sent"),
            EventLogFixtures.messageStatus("SM1", "delivered"),
            EventLogFixtures.callStatus("CA1", "ringing", from: "+14155550100", to: "+15005550006"),
            EventLogFixtures.callStatus("CA2", "ringing", from: "+15005550006", to: "+19995550000"),
            GatewayEvent(type: .smsInbound, receivedAt: 0, messageSID: "SM9", from: "+19995550000", to: "+15005550006"),
        ]
        for event in events {
            _ = try await log.append(event)
        }

        let read = try await EventLogFixtures.readAll(log, filter: filter)
        #expect(read.map(\.offset) == expected)
        #expect(read.allSatisfy { filter.matches($0.event) })
        #expect(events.indices.filter { filter.matches(events[$0]) }.map { Int64($0 + 1) } == expected)
        await log.close()
    }

    @Test("a filtered read that matches nothing still moves past what it covered; a full batch stops at its last")
    func resumeAfter() async throws {
        let directory = try TemporaryDirectory()
        let log = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        for index in 0..<5 {
            _ = try await log.append(EventLogFixtures.messageStatus("SM\(index)", "sent"))
        }

        let none = try await log.read(after: 1, limit: 10, filter: EventFilter(types: [.callInbound]))
        #expect(none == EventBatch(events: [], resumeAfter: 5))
        let full = try await log.read(after: 1, limit: 2, filter: .all)
        #expect(full.events.map(\.offset) == [2, 3])
        #expect(full.resumeAfter == 3)
        let beyond = try await log.read(after: 40, limit: 2, filter: .all)
        #expect(beyond == EventBatch(events: [], resumeAfter: 40))
        await #expect(throws: EventLogError.self) {
            try await log.read(after: -1, limit: 2, filter: .all)
        }
        await #expect(throws: EventLogError.self) {
            try await log.read(after: 0, limit: 0, filter: .all)
        }
        await log.close()
    }

    @Test("reads return at most the configured limit")
    func readLimit() async throws {
        let directory = try TemporaryDirectory()
        let configuration = SQLiteEventLog.Configuration(retention: .unlimited, maxReadLimit: 3)
        let log = try SQLiteEventLog(directory: directory.path, configuration: configuration)
        for index in 0..<5 {
            _ = try await log.append(EventLogFixtures.messageStatus("SM\(index)", "sent"))
        }
        let batch = try await log.read(after: 0, limit: 100, filter: .all)
        #expect(batch.events.map(\.offset) == [1, 2, 3])
        #expect(batch.resumeAfter == 3)
        await log.close()
    }

    @Test("seeking by time finds the first offset received at or after it, even when receive times are out of order")
    func timeSeek() async throws {
        let directory = try TemporaryDirectory()
        let log = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        for time in [100.0, 200.0, 190.0, 300.0] {
            _ = try await log.append(EventLogFixtures.messageStatus("SM1", "sent", at: time))
        }

        #expect(try await log.firstOffset(receivedAtOrAfter: 0) == 1)
        #expect(try await log.firstOffset(receivedAtOrAfter: 100) == 1)
        #expect(try await log.firstOffset(receivedAtOrAfter: 150) == 2)
        #expect(try await log.firstOffset(receivedAtOrAfter: 195) == 2)
        #expect(try await log.firstOffset(receivedAtOrAfter: 250) == 4)
        #expect(try await log.firstOffset(receivedAtOrAfter: 301) == nil)
        await log.close()
    }

    @Test("the latest-offset stream starts with the current offset and wakes on each commit")
    func notifications() async throws {
        let directory = try TemporaryDirectory()
        let log = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        _ = try await log.append(EventLogFixtures.messageStatus("SM1", "sent"))

        var offsets = log.latestOffsets().makeAsyncIterator()
        #expect(await offsets.next() == 1)
        _ = try await log.append(EventLogFixtures.messageStatus("SM1", "delivered"))
        #expect(await offsets.next() == 2)
        _ = try await log.append(EventLogFixtures.messageStatus("SM2", "sent"))
        _ = try await log.append(EventLogFixtures.messageStatus("SM3", "sent"))
        #expect(await offsets.next() == 4, "a slow reader gets only the newest offset")

        await log.close()
        #expect(await offsets.next() == nil)
        var late = log.latestOffsets().makeAsyncIterator()
        #expect(await late.next() == 4)
        #expect(await late.next() == nil)
    }

    @Test("after close, every call fails with the closed code")
    func closed() async throws {
        let directory = try TemporaryDirectory()
        let log = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        _ = try await log.append(EventLogFixtures.messageStatus("SM1", "sent"))
        await log.close()
        await log.close()

        let append = await #expect(throws: EventLogError.self) {
            try await log.append(EventLogFixtures.messageStatus("SM1", "delivered"))
        }
        #expect(append?.code == .closed)
        let read = await #expect(throws: EventLogError.self) {
            try await log.read(after: 0, limit: 1, filter: .all)
        }
        #expect(read?.code == .closed)
        let ack = await #expect(throws: EventLogError.self) {
            try await log.acknowledge(1, consumer: "c")
        }
        #expect(ack?.code == .closed)
        let retention = await #expect(throws: EventLogError.self) {
            try await log.enforceRetention()
        }
        #expect(retention?.code == .closed)
    }

    @Test("a second open log on the same file is refused until the first is closed")
    func oneWriter() async throws {
        let directory = try TemporaryDirectory()
        let first = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        let error = #expect(throws: EventLogError.self) {
            try SQLiteEventLog(directory: directory.path)
        }
        #expect(error?.code == .storageFailed)
        #expect(error?.message.contains("has the event log open") == true)

        await first.close()
        let second = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        await second.close()
    }

    @Test("a missing directory fails to open with a message that says what to check")
    func missingDirectory() throws {
        let directory = try TemporaryDirectory()
        let error = #expect(throws: EventLogError.self) {
            try SQLiteEventLog(directory: directory.path + "/missing")
        }
        #expect(error?.code == .storageFailed)
        #expect(error?.message.contains("data directory exists") == true)
        #expect(SQLiteEventLog.fileName == "events.sqlite3")
    }
}
