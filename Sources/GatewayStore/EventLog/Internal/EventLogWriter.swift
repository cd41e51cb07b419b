internal import Dispatch
internal import Foundation
internal import ServiceSupport
internal import Synchronization

/// The one writer of the event log: a thread of its own (SQLite blocks for the whole commit,
/// fsync included, which must not hold a thread of Swift's cooperative pool) that drains a
/// bounded queue of writes.
///
/// Group commit: while the thread commits one batch, new writes queue up; the next
/// transaction takes all of them (up to `maxBatchSize`), so N concurrent appends cost about
/// one fsync rather than N. With `maxBatchSize` 1 every write is its own transaction.
/// Between batches, and when idle, the thread runs retention in small chunks, appends first.
final class EventLogWriter: Sendable {
    /// The writer's life: `running` until ``stop(_:)``, then `stopping` while the queue drains,
    /// then `stopped` once the thread has closed the connection.
    private enum Phase {
        case running
        case stopping
        case stopped
    }

    private struct Queue {
        var operations: [EventLogOperation] = []
        var retentionWaiters: [@Sendable (Result<RetentionReport, EventLogError>) -> Void] = []
        var stopWaiters: [@Sendable () -> Void] = []
        /// `true` while the thread waits on `wake`; whoever adds work then signals it once.
        var sleeping = false
        var phase = Phase.running
    }

    /// What the thread does next.
    private enum Work {
        case commit([EventLogOperation])
        case retention
        case exit
        /// The thread woke from waiting (work arrived, or periodic retention is due): look again.
        case lookAgain
    }

    /// A run of retention across its steps, and whether the periodic one is due.
    private struct RetentionRun {
        var periodicDue = false
        var deletedEvents = 0
        var deletedBytes: Int64 = 0
    }

    private let queue = Mutex(Queue())
    private let wake = DispatchSemaphore(value: 0)
    private let latest: Atomic<Int64>
    private let configuration: SQLiteEventLog.Configuration
    private let notifier: EventLogNotifier
    private let logger: Logger
    private let clock: @Sendable () -> Double

    /// Starts the writer thread over `database`, the log's read-write connection.
    init(
        database: SQLiteDatabase,
        configuration: SQLiteEventLog.Configuration,
        notifier: EventLogNotifier,
        logger: Logger,
        clock: @escaping @Sendable () -> Double
    ) throws(GatewayStoreError) {
        let committer = try EventLogCommitter(database: database)
        self.latest = Atomic(committer.latest)
        self.configuration = configuration
        self.notifier = notifier
        self.logger = logger
        self.clock = clock

        let thread = Thread { [self] in
            run(committer, database: database)
        }
        thread.name = "gateway-event-log"
        thread.start()
    }

    /// The latest offset committed.
    var latestOffset: Int64 {
        latest.load(ordering: .acquiring)
    }

    /// Queues `operation`, or fails it at once when the queue is full or the writer stopped.
    func submit(_ operation: EventLogOperation) {
        let refusal = queue.withLock { queue -> EventLogError? in
            guard queue.phase == .running else {
                return EventLogError(code: .closed, message: "the event log was closed")
            }
            guard queue.operations.count < configuration.maxPendingAppends else {
                return EventLogError(
                    code: .overloaded,
                    message: "\(queue.operations.count) writes are already waiting for the disk; try again shortly"
                )
            }
            queue.operations.append(operation)
            return nil
        }
        if let refusal {
            operation.fail(refusal)
        } else {
            wakeIfSleeping()
        }
    }

    /// Runs retention now; `completion` gets the report once the log is within its policy.
    func enforceRetention(_ completion: @escaping @Sendable (Result<RetentionReport, EventLogError>) -> Void) {
        let accepted = queue.withLock { queue in
            guard queue.phase == .running else {
                return false
            }
            queue.retentionWaiters.append(completion)
            return true
        }
        if accepted {
            wakeIfSleeping()
        } else {
            completion(.failure(EventLogError(code: .closed, message: "the event log was closed")))
        }
    }

    /// Takes no more writes, commits the queued ones, closes the connection, then calls
    /// `completion` (at once when the writer has already stopped).
    func stop(_ completion: @escaping @Sendable () -> Void) {
        let stopped = queue.withLock { queue in
            if queue.phase == .running {
                queue.phase = .stopping
            }
            guard queue.phase == .stopped else {
                queue.stopWaiters.append(completion)
                return false
            }
            return true
        }
        if stopped {
            completion()
        } else {
            wakeIfSleeping()
        }
    }

    private func wakeIfSleeping() {
        let sleeping = queue.withLock { queue in
            defer { queue.sleeping = false }
            return queue.sleeping
        }
        if sleeping {
            wake.signal()
        }
    }

    private func run(_ initial: EventLogCommitter, database: SQLiteDatabase) {
        var committer = initial
        var retention = RetentionRun()
        var nextPeriodicRetention = ContinuousClock.now + configuration.retentionInterval
        while true {
            if ContinuousClock.now >= nextPeriodicRetention {
                retention.periodicDue = true
                nextPeriodicRetention = ContinuousClock.now + configuration.retentionInterval
            }
            switch nextWork(retentionPending: retention.periodicDue, until: nextPeriodicRetention) {
            case .commit(let operations):
                commit(operations, with: &committer)
            case .retention:
                retentionStep(&retention, with: &committer)
            case .lookAgain:
                continue
            case .exit:
                database.close()
                finishStopping()
                return
            }
        }
    }

    /// Waits for work: writes first, then retention, then (once stopping and drained) exit.
    private func nextWork(retentionPending: Bool, until deadline: ContinuousClock.Instant) -> Work {
        let work = queue.withLock { queue -> Work? in
            if !queue.operations.isEmpty {
                let count = min(queue.operations.count, configuration.maxBatchSize)
                defer { queue.operations.removeFirst(count) }
                return .commit(Array(queue.operations.prefix(count)))
            }
            if queue.phase != .running {
                return .exit
            }
            if retentionPending || !queue.retentionWaiters.isEmpty {
                return .retention
            }
            queue.sleeping = true
            return nil
        }
        if let work {
            return work
        }

        let remaining = max(Duration.zero, ContinuousClock.now.duration(to: deadline))
        let (seconds, attoseconds) = remaining.components
        let timeout = DispatchTime.now() + .seconds(Int(seconds)) + .nanoseconds(Int(attoseconds / 1_000_000_000))
        if wake.wait(timeout: timeout) == .timedOut {
            // A signal may race the timeout; then the next wait returns at once, which is harmless.
            queue.withLock { $0.sleeping = false }
        }
        return .lookAgain
    }

    private func commit(_ operations: [EventLogOperation], with committer: inout EventLogCommitter) {
        let outcome = committer.commit(operations, now: clock())
        logger.trace(
            "event_log.committed",
            [
                "event_log.batch.size": String(operations.count), "event_log.batch.failed": String(outcome.failures),
                "event_log.offset.latest": String(committer.latest),
            ]
        )
        if let appendedThrough = outcome.appendedThrough {
            latest.store(appendedThrough, ordering: .releasing)
            notifier.publish(appendedThrough)
        }
        for completion in outcome.completions {
            completion()
        }
    }

    /// Deletes one chunk; when the log is within its policy, reports to everyone waiting.
    private func retentionStep(_ run: inout RetentionRun, with committer: inout EventLogCommitter) {
        let result: Result<RetentionReport, EventLogError>
        do {
            let step = try committer.retentionStep(configuration.retention, now: clock())
            run.deletedEvents += step.deletedEvents
            run.deletedBytes += step.deletedBytes
            guard step.done else {
                return
            }
            let oldest = try committer.oldestOffset()
            result = .success(
                RetentionReport(deletedEvents: run.deletedEvents, deletedBytes: run.deletedBytes, oldestOffset: oldest)
            )
            logger.debug(
                "event_log.retention_done",
                [
                    "event_log.deleted.events": String(run.deletedEvents),
                    "event_log.deleted.bytes": String(run.deletedBytes),
                ]
            )
        } catch {
            result = .failure(EventLogError(storage: error))
            // Periodic retention has no caller to tell; an operator must learn the disk may fill.
            logger.warning("event_log.retention_failed", ["error.message": error.message])
        }

        run = RetentionRun()
        let waiters = queue.withLock { queue in
            defer { queue.retentionWaiters = [] }
            return queue.retentionWaiters
        }
        for waiter in waiters {
            waiter(result)
        }
    }

    /// Marks the writer stopped and tells everyone waiting; pending retention requests fail.
    private func finishStopping() {
        let (retentionWaiters, stopWaiters) = queue.withLock { queue in
            queue.phase = .stopped
            defer {
                queue.retentionWaiters = []
                queue.stopWaiters = []
            }
            return (queue.retentionWaiters, queue.stopWaiters)
        }
        let closed = EventLogError(code: .closed, message: "the event log was closed")
        for waiter in retentionWaiters {
            waiter(.failure(closed))
        }
        for waiter in stopWaiters {
            waiter()
        }
    }
}
