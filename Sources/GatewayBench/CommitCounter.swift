internal import ServiceSupport
internal import Synchronization

/// Counts the event log's commits from its `event_log.committed` trace lines, so the benchmark
/// can print how many events one transaction carried on average.
final class CommitCounter: LogHandler {
    private let counts = Mutex((commits: 0, writes: 0))

    /// Commits and writes counted so far.
    var totals: (commits: Int, writes: Int) {
        counts.withLock { $0 }
    }

    func write(_ record: LogRecord) {
        guard record.message == "event_log.committed" else {
            return
        }
        let size = record.metadata["event_log.batch.size"].flatMap { Int($0) } ?? 0
        counts.withLock {
            $0.commits += 1
            $0.writes += size
        }
    }
}
