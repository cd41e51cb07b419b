internal import Foundation
internal import GatewayStore
internal import ServiceSupport

/// `gateway-bench --event-log`: durable appends per second to a fresh ``SQLiteEventLog`` (WAL,
/// `synchronous=FULL`) at several numbers of concurrent appenders, with group commit on and,
/// as the peer, with one transaction (one fsync) per event; the ratio shows what batching
/// buys. Each run gets its own log in a new directory under `--directory` (the system's
/// temporary directory by default), which should sit on the disk the gateway's data will use.
enum EventLogBench {
    /// The two ways the log commits: its default batch size, and one event per transaction.
    static let modes = [("group commit", 1_000), ("1 tx per event", 1)]

    static func run(options: BenchOptions) async throws {
        let parent = options.directory ?? FileManager.default.temporaryDirectory.path
        print(
            "gateway-bench --event-log: \(options.seconds) s per run after \(options.warmupSeconds) s warm-up, "
                + "logs under \(parent)"
        )
        print(BenchResult.header)
        for inFlight in options.inFlightLevels {
            var rates: [Double] = []
            for (name, batchSize) in modes {
                let (result, eventsPerCommit) = try await measure(
                    name,
                    batchSize: batchSize,
                    inFlight: inFlight,
                    in: parent,
                    options
                )
                print(result.row + "  " + String(format: "%.1f", eventsPerCommit) + " events/commit")
                rates.append(result.callsPerSecond)
            }
            let ratio = rates[1] > 0 ? rates[0] / rates[1] : 0
            print("  ratio at \(inFlight) in flight: group commit / 1 tx per event = \(String(format: "%.1f", ratio))x")
        }
    }

    private static func measure(
        _ name: String,
        batchSize: Int,
        inFlight: Int,
        in parent: String,
        _ options: BenchOptions
    ) async throws -> (BenchResult, Double) {
        let directory = parent + "/gateway-bench-events-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let configuration = SQLiteEventLog.Configuration(
            retention: .unlimited,
            maxPendingAppends: 100_000,
            maxBatchSize: batchSize
        )
        let commits = CommitCounter()
        let logger = Logger(label: "bench", handler: commits, minimumLevel: .trace)
        let log = try SQLiteEventLog(directory: directory, configuration: configuration, logger: logger)
        let event = statusCallback
        let workload = BenchWorkload(name: name) { _ = try await log.append(event) }
        let result = await BenchRunner.run(
            workload,
            inFlight: inFlight,
            warmup: .seconds(options.warmupSeconds),
            duration: .seconds(options.seconds)
        )
        await log.close()
        let totals = commits.totals
        return (result, totals.commits > 0 ? Double(totals.writes) / Double(totals.commits) : 0)
    }

    /// A message status callback as Twilio posts it (about 600 bytes of parameters).
    private static let statusCallback = GatewayEvent(
        type: .messageStatus,
        receivedAt: Timestamp.now(),
        dedupeKey: nil,
        webhookParameters: [
            ("SmsSid", "SM00112233445566778899aabbccddeeff"), ("SmsStatus", "delivered"),
            ("MessageStatus", "delivered"), ("To", "+14155550100"), ("MessagingServiceSid", ""),
            ("MessageSid", "SM00112233445566778899aabbccddeeff"), ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
            ("From", "+15005550006"), ("ApiVersion", "2010-04-01"), ("RawDlrDoneDate", "2501011200"),
            ("ToCity", ""), ("ToState", "CA"), ("ToZip", ""), ("ToCountry", "US"), ("FromCity", "SAN FRANCISCO"),
            ("FromState", "CA"), ("FromZip", "94105"), ("FromCountry", "US"), ("NumSegments", "1"),
            ("NumMedia", "0"), ("Body", "Your code is 123456"),
        ].map { EventParameter($0.0, $0.1) }
    )
}
