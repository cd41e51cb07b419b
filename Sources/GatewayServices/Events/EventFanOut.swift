public import GatewayStore
public import ServiceSupport
internal import Synchronization

/// Hands the events appended to an ``GatewayStore/EventLog`` to every subscriber, from one
/// read of the log per commit, with a bounded live buffer per subscriber.
///
/// ``run()`` waits on the log's one notification stream (``GatewayStore/EventLog/latestOffsets()``);
/// each wake-up reads the new events once and puts those a subscriber's filter passes into its
/// buffer. A subscriber (``subscribe(after:filter:bufferCapacity:)``) first reads the log
/// itself from its start position, then switches to its buffer. When a subscriber is slow and
/// its buffer fills up, it stops receiving live events and goes back to reading the log from
/// where it is until it catches up again: the others never wait for it, its memory stays
/// within its buffer's capacity, and it still sees every event, in order, once.
///
/// ```swift
/// let fanOut = EventFanOut(log: log)
/// let dispatching = Task { await fanOut.run() }
/// let subscription = fanOut.subscribe(after: try await log.latestOffset(), filter: .all)
/// while let logged = try await subscription.next() { ... }
/// fanOut.finish()
/// ```
public final class EventFanOut: Sendable {
    /// The buffer and batch sizes of a fan-out.
    public struct Configuration: Hashable, Sendable {
        /// How many live events each subscriber's buffer holds; 256 by default.
        public var bufferCapacity: Int
        /// The most events one read of the log returns, for the live dispatch and for each
        /// subscriber that catches up; 500 by default.
        public var batchSize: Int

        /// Creates a configuration; each value is at least 1.
        public init(bufferCapacity: Int = 256, batchSize: Int = 500) {
            self.bufferCapacity = max(1, bufferCapacity)
            self.batchSize = max(1, batchSize)
        }
    }

    /// The log the events come from.
    public let log: any EventLog
    /// The buffer and batch sizes.
    public let configuration: Configuration
    let logger: Logger
    private let state = Mutex(FanOutState())
    /// The loop of ``run()``, so that ``finish()`` can end its wait for the next commit.
    private let running = Mutex<Task<Void, Never>?>(nil)

    /// Creates a fan-out over `log`; nothing is dispatched until ``run()`` runs.
    ///
    /// - Parameters:
    ///   - log: Where events are read.
    ///   - configuration: The buffer and batch sizes.
    ///   - logger: For overflows and failed reads, at debug and warning.
    public init(log: any EventLog, configuration: Configuration = Configuration(), logger: Logger = .disabled) {
        self.log = log
        self.configuration = configuration
        self.logger = logger
    }

    /// Dispatches new events until ``finish()`` is called, the calling task is cancelled or the
    /// log closes; then every subscription ends.
    ///
    /// Call it once. Subscriptions keep reading the log while it is not running, but switch to
    /// live events only once it runs.
    public func run() async {
        let dispatching = Task {
            for await _ in log.latestOffsets() {
                guard await dispatchNewEvents() else {
                    break
                }
            }
        }
        running.withLock { $0 = dispatching }
        if state.withLock({ $0.isFinished }) {
            dispatching.cancel()
        }
        await withTaskCancellationHandler {
            await dispatching.value
        } onCancel: {
            dispatching.cancel()
        }
        finish()
    }

    /// Ends every subscription (their ``EventSubscription/next()`` returns `nil`) and makes
    /// ``run()`` return. Subscriptions made afterwards end at once.
    public func finish() {
        let wakes = state.withLock { $0.finish() }
        for wake in wakes {
            wake.finish()
        }
        running.withLock { $0 }?.cancel()
    }

    /// Subscribes to the events after `offset` that pass `filter`.
    ///
    /// - Parameters:
    ///   - offset: The first event handed out is the first one after this offset: 0 for the
    ///     oldest event kept, the log's latest offset for only new events.
    ///   - filter: Which events to hand out.
    ///   - bufferCapacity: The subscriber's live buffer, or `nil` for the configured one.
    ///   - answersWebhooks: Whether the subscriber answers inbound calls and messages, which
    ///     ``hasSubscriber(receiving:)`` reports.
    /// - Returns: The subscription; it ends when released.
    public func subscribe(
        after offset: Int64,
        filter: EventFilter,
        bufferCapacity: Int? = nil,
        answersWebhooks: Bool = false
    ) -> EventSubscription {
        let (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let capacity = max(1, bufferCapacity ?? configuration.bufferCapacity)
        let id = state.withLock {
            $0.add(filter: filter, capacity: capacity, answersWebhooks: answersWebhooks, wake: wake)
        }
        if id == nil {
            wake.finish()
        }
        return EventSubscription(id: id ?? 0, fanOut: self, after: offset, filter: filter, wakeups: wakeups)
    }

    /// Whether a subscriber whose filter passes `event` is connected now: the webhooks wait
    /// for a consumer's TwiML only when one could answer.
    public func hasSubscriber(for event: GatewayEvent) -> Bool {
        state.withLock { state in state.slots.values.contains { $0.filter.matches(event) } }
    }

    /// Whether a subscriber that receives events of `type` is connected now: one whose filter
    /// names no types, or names `type`. Its number and SID filters are not considered, since
    /// they cannot be known before the event is.
    public func hasSubscriber(receiving type: EventType) -> Bool {
        state.withLock { state in
            state.slots.values.contains { $0.filter.types.isEmpty || $0.filter.types.contains(type) }
        }
    }

    /// Whether a subscriber that receives events of `type` and said it answers webhooks is
    /// connected now: the voice and SMS webhooks wait for a consumer's TwiML only then.
    public func hasResponder(receiving type: EventType) -> Bool {
        state.withLock { state in
            state.slots.values.contains {
                $0.answersWebhooks && ($0.filter.types.isEmpty || $0.filter.types.contains(type))
            }
        }
    }

    /// How many subscriptions are open.
    public var subscriberCount: Int {
        state.withLock { $0.slots.count }
    }

    /// Reads and dispatches until the log's latest offset is dispatched.
    ///
    /// The latest offset is asked again after each batch rather than taken from the wake-up,
    /// so an append committed during a read is never left waiting for the next commit.
    ///
    /// - Returns: `false` once the fan-out has finished.
    private func dispatchNewEvents() async -> Bool {
        while true {
            let latest: Int64
            do {
                latest = try await log.latestOffset()
            } catch {
                detachAll(after: error)
                return true
            }

            switch state.withLock({ $0.step(latest: latest) }) {
            case .stop:
                return false
            case .idle(let wakes):
                Self.wake(wakes)
                return true
            case .read(let after):
                let batch: EventBatch
                do {
                    batch = try await log.read(after: after, limit: configuration.batchSize, filter: .all)
                } catch {
                    detachAll(after: error)
                    return true
                }
                let wakes = state.withLock { $0.deliver(batch) }
                Self.wake(wakes)
                guard batch.resumeAfter > after else {
                    return true
                }
            }
        }
    }

    /// After a failed read, lets every subscriber read the log itself, so each meets the
    /// failure (or its end) on its own.
    private func detachAll(after error: EventLogError) {
        logger.warning("events.fanout.read_failed", ["error": error.description])
        let wakes = state.withLock { $0.detachAll() }
        Self.wake(wakes)
    }

    private static func wake(_ continuations: [AsyncStream<Void>.Continuation]) {
        for continuation in continuations {
            continuation.yield()
        }
    }

    func take(_ id: UInt64, after position: Int64) -> FanOutState.Take {
        state.withLock { $0.take(id, after: position) }
    }

    func attach(_ id: UInt64, coveredUpTo covered: Int64) -> FanOutState.Attachment {
        state.withLock { $0.attach(id, coveredUpTo: covered) }
    }

    func statistics(of id: UInt64) -> (overflows: Int, mostBuffered: Int, isLive: Bool) {
        state.withLock { state in
            state.slots[id].map { ($0.overflows, $0.mostBuffered, $0.attached) } ?? (0, 0, false)
        }
    }

    func remove(_ id: UInt64) {
        state.withLock { $0.remove(id) }?.finish()
    }
}
