public import GatewayStore
internal import ServiceSupport

/// One subscriber of an ``EventFanOut``: the matching events after its start offset, first
/// read from the log, then live, in strictly increasing offsets, each once.
///
/// Iterate it from one task with ``next()``. Releasing it (or cancelling the task waiting in
/// ``next()``) ends it and frees its buffer.
public final class EventSubscription {
    /// What happened to a subscription so far.
    public struct Statistics: Hashable, Sendable {
        /// How many events ``EventSubscription/next()`` returned.
        public var delivered: Int
        /// How many times its live buffer filled up, sending it back to reading the log.
        public var overflows: Int
        /// The most events its live buffer held at once; never more than its capacity.
        public var mostBuffered: Int
        /// How many offsets retention deleted before the subscription got to them.
        public var missedByRetention: Int64
        /// Whether live events go to its buffer now; `false` while it reads the log.
        public var isLive: Bool
    }

    private let id: UInt64
    private let fanOut: EventFanOut
    private let filter: EventFilter
    /// Every matching event up to this offset was returned or sits in ``pending``.
    private var position: Int64
    /// Events read from the log, not yet returned; ``pendingIndex`` is the next one.
    private var pending: [LoggedEvent] = []
    private var pendingIndex = 0
    private var wakeups: AsyncStream<Void>.AsyncIterator
    private var delivered = 0
    private var missedByRetention: Int64 = 0

    init(id: UInt64, fanOut: EventFanOut, after offset: Int64, filter: EventFilter, wakeups: AsyncStream<Void>) {
        self.id = id
        self.fanOut = fanOut
        self.filter = filter
        self.position = offset
        self.wakeups = wakeups.makeAsyncIterator()
    }

    deinit {
        fanOut.remove(id)
    }

    /// The subscription's counters so far.
    public var statistics: Statistics {
        let (overflows, mostBuffered, isLive) = fanOut.statistics(of: id)
        return Statistics(
            delivered: delivered,
            overflows: overflows,
            mostBuffered: mostBuffered,
            missedByRetention: missedByRetention,
            isLive: isLive
        )
    }

    /// The next matching event, waiting for one to be appended when the subscription is
    /// caught up.
    ///
    /// - Returns: The event, or `nil` once the fan-out has finished.
    /// - Throws: `CancellationError` when the calling task is cancelled; ``GatewayStore/EventLogError``
    ///   when reading the log fails.
    public func next() async throws -> LoggedEvent? {
        while true {
            try Task.checkCancellation()
            if pendingIndex < pending.count {
                pendingIndex += 1
                delivered += 1
                return pending[pendingIndex - 1]
            }
            pending = []
            pendingIndex = 0

            switch fanOut.take(id, after: position) {
            case .event(let logged):
                position = logged.offset
                delivered += 1
                return logged
            case .finished:
                return nil
            case .readLog:
                try await readLog()
            case .wait:
                guard await wakeups.next() != nil else {
                    try Task.checkCancellation()
                    return nil
                }
            }
        }
    }

    /// Reads one batch after ``position`` into ``pending`` and, at the end of the log, attaches
    /// to live events if nothing was dispatched past what the read covered.
    private func readLog() async throws {
        let limit = fanOut.configuration.batchSize
        let batch = try await fanOut.log.read(after: position, limit: limit, filter: filter)
        if let gap = batch.retentionGap {
            missedByRetention += gap.upperBound - gap.lowerBound + 1
            fanOut.logger.warning(
                "events.subscription.retention_gap",
                ["events.gap.first": String(gap.lowerBound), "events.gap.last": String(gap.upperBound)]
            )
        }
        pending = batch.events
        position = max(position, batch.resumeAfter)
        guard batch.events.count < limit else {
            return
        }
        switch fanOut.attach(id, coveredUpTo: position) {
        case .attached:
            break
        case .behind:
            // Reads do not suspend; let other tasks run before reading on.
            await Task.yield()
        case .notStarted:
            fanOut.logger.debug("events.subscription.waiting_for_dispatch")
        }
    }
}

@available(*, unavailable)
extension EventSubscription: Sendable {}
