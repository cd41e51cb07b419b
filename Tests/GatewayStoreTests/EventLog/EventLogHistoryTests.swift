import GatewayStore
import Testing

@Suite("SQLite event log: history read backward")
struct EventLogHistoryTests {
    @Test("read(before:) returns the newest matching events below an offset, oldest first")
    func newestBelow() async throws {
        let directory = try TemporaryDirectory()
        let log = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        for index in 1...10 {
            let event =
                index.isMultiple(of: 2)
                ? EventLogFixtures.messageStatus("SM\(index)", "sent")
                : EventLogFixtures.callStatus("CA\(index)", "ringing", from: "+1999", to: "+1500")
            _ = try await log.append(event)
        }

        let newest = try await log.read(before: .max, limit: 3, filter: .all)
        let messages = try await log.read(before: 8, limit: 2, filter: EventFilter(types: [.messageStatus]))
        let caller = try await log.read(before: .max, limit: 100, filter: EventFilter(phoneNumber: "+1999"))
        let bySID = try await log.read(before: .max, limit: 5, filter: EventFilter(sid: "CA3"))
        #expect(newest.map(\.offset) == [8, 9, 10])
        #expect(messages.map(\.offset) == [4, 6])
        #expect(caller.map(\.offset) == [1, 3, 5, 7, 9])
        #expect(bySID.map(\.offset) == [3])
        #expect(try await log.read(before: 1, limit: 5, filter: .all).isEmpty)
        await #expect(throws: EventLogError.self) {
            _ = try await log.read(before: 5, limit: 0, filter: .all)
        }
        await log.close()
    }
}
