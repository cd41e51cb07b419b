import Foundation
import GatewayStore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("SQLite event log: durability across SIGKILL")
struct EventLogCrashTests {
    /// The crash writer's path: SwiftPM builds it beside the test bundle.
    static let writerPath = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("EventLogCrashWriter").path

    @Test("every append that returned before a SIGKILL is in the log after restart, with no duplicate")
    func killedWriter() async throws {
        let directory = try TemporaryDirectory()
        var acknowledged: [Int64: String] = [:]
        for round in 0..<3 {
            let printed = try await runAndKill(directory: directory, round: round, after: 400)
            for (offset, key) in printed {
                #expect(acknowledged.updateValue(key, forKey: offset) == nil, "offset \(offset) was given out twice")
            }
        }

        let log = try SQLiteEventLog(directory: directory.path, configuration: EventLogFixtures.keepEverything)
        let stored = try await EventLogFixtures.readAll(log)
        let keys = Dictionary(uniqueKeysWithValues: stored.map { ($0.offset, $0.event.dedupeKey ?? "") })
        let missing = acknowledged.filter { keys[$0.key] != $0.value }
        #expect(missing.isEmpty, "acknowledged but not stored: \(missing.keys.sorted().prefix(10))")
        #expect(Set(keys.values).count == stored.count, "no dedupe key is stored twice")
        #expect(stored.count >= acknowledged.count)

        let retry = try #require(acknowledged.first)
        let again = try await log.append(EventLogFixtures.messageStatus("SM0", "sent", key: retry.value))
        #expect(again == EventAppendResult(offset: retry.key, isDuplicate: true))
        let fresh = try await log.append(EventLogFixtures.messageStatus("SM0", "sent"))
        #expect(fresh.offset > keys.keys.max() ?? 0)
        await log.close()
        // The counts, for the record: acknowledged appends, and those stored (some committed
        // appends had not been printed when the kill came).
        print("crash test: \(acknowledged.count) acknowledged, \(stored.count) stored, 3 kills")
    }

    /// Starts the writer on `directory`, waits until it printed `count` offsets, kills it with
    /// SIGKILL, and returns every line it printed before it died.
    private func runAndKill(directory: TemporaryDirectory, round: Int, after count: Int) async throws
        -> [(Int64, String)]
    {
        let outputPath = directory.path + "/writer-\(round).out"
        guard FileManager.default.createFile(atPath: outputPath, contents: nil) else {
            throw LockHolderFailure(description: "cannot create \(outputPath)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.writerPath)
        process.arguments = [directory.path, "16"]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let exited = AsyncStream.makeStream(of: Process.TerminationReason.self)
        process.terminationHandler = { process in
            exited.continuation.yield(process.terminationReason)
            exited.continuation.finish()
        }
        try process.run()

        let printedEnough = try await EventLogFixtures.eventually {
            Self.lines(outputPath).count >= count || !process.isRunning
        }
        #expect(printedEnough)
        #expect(process.isRunning, "the writer ended before the kill")
        kill(process.processIdentifier, SIGKILL)
        var reasons = exited.stream.makeAsyncIterator()
        #expect(await reasons.next() == .uncaughtSignal)

        return try Self.lines(outputPath).map { line in
            let fields = line.split(separator: " ")
            let offset = try #require(fields.count == 2 ? Int64(fields[0]) : nil, "unreadable line \(line)")
            return (offset, String(fields[1]))
        }
    }

    /// The complete lines of the file at `path`.
    private static func lines(_ path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return []
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if !text.hasSuffix("\n"), !lines.isEmpty {
            lines.removeLast()
        }
        return lines
    }
}
