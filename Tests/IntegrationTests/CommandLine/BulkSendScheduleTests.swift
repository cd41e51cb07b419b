internal import GatewayAPI
internal import Testing

@testable internal import TwilioGatewayCLI

/// How `bulk-send` splits a file into BulkSendSms calls and drops repeated numbers.
@Suite("BulkSendSchedule")
struct BulkSendScheduleTests {
    static func entries(_ numbers: [String]) -> [RecipientFile.Entry] {
        numbers.enumerated().map { row, number in
            RecipientFile.Entry(line: row + 2, recipient: BulkRecipient(to: number, variables: ["n": String(row)]))
        }
    }

    @Test("calls carry at most the batch size, and each call's offset counts the recipients before it")
    func batchSize() {
        let schedule = BulkSendSchedule(Self.entries((0..<7).map { "+1555000000\($0)" }), batchSize: 3)

        #expect(schedule.batches.map(\.rows) == [[0, 1, 2], [3, 4, 5], [6]])
        #expect(schedule.batches.map(\.offset) == [0, 3, 6])
        #expect(schedule.batches[1].recipients.map(\.to) == ["+15550000003", "+15550000004", "+15550000005"])
        #expect(schedule.repeats.isEmpty)
    }

    @Test("a number seen before, in this call or an earlier one, is a repeat naming the first line")
    func repeats() {
        let numbers = ["+15550000001", "+15550000002", "+15550000001", "+15550000003", "+15550000002"]

        let schedule = BulkSendSchedule(Self.entries(numbers), batchSize: 2)

        #expect(schedule.batches.map(\.rows) == [[0, 1], [3]])
        #expect(schedule.repeats.map(\.row) == [2, 4])
        #expect(schedule.repeats.map(\.firstLine) == [2, 3])
        #expect(schedule.repeats.map(\.to) == ["+15550000001", "+15550000002"])
    }

    @Test("a call stops growing before its recipients pass the byte budget")
    func byteBudget() {
        let entries = Self.entries((0..<10).map { "+1555000000\($0)" })
        let size = BulkSendSchedule.estimatedSize(of: entries[0].recipient)

        let schedule = BulkSendSchedule(entries, batchSize: 100, maximumBytes: size * 4)

        #expect(schedule.batches.map(\.rows.count) == [4, 4, 2])
    }
}
