internal import GatewayStore

/// The state of an ``EventFanOut``, kept under its lock: how far live events have been handed
/// out, and each subscriber's live buffer.
///
/// A subscriber is *attached* when its buffer is guaranteed to receive every matching event
/// after ``dispatched``; otherwise it reads the log itself. It starts detached, reads the log
/// up to its end, then attaches (``attach(_:coveredUpTo:)``) if it has covered everything
/// dispatched so far. A full buffer detaches it again (``deliver(_:)``): the events kept in the
/// buffer are still handed out, and the rest is read from the log, so nothing is lost.
///
/// Every method only changes the state and returns what the caller must do afterwards (the
/// continuations to wake), outside the lock.
struct FanOutState {
    /// One subscriber.
    struct Slot {
        let filter: EventFilter
        /// Whether the subscriber answers inbound calls and messages.
        let answersWebhooks: Bool
        var ring: EventRing
        let wake: AsyncStream<Void>.Continuation
        /// Whether live events go to ``ring``; see the type's summary.
        var attached = false
        /// Whether the subscriber, caught up with the log, waits for the fan-out to start
        /// dispatching (``dispatched`` is still unknown).
        var waitingForStart = false
        var overflows = 0
        var mostBuffered = 0
    }

    /// What a subscriber does next (``take(_:after:)``).
    enum Take {
        /// Hand out this event.
        case event(LoggedEvent)
        /// Wait for a wake-up: the buffer is empty and live events will come.
        case wait
        /// Read the log after the subscriber's position: it is detached.
        case readLog
        /// The fan-out finished or the subscriber was removed: end the stream.
        case finished
    }

    /// The answer to ``attach(_:coveredUpTo:)``.
    enum Attachment {
        /// Live events go to the subscriber's buffer from now on.
        case attached
        /// More was dispatched than the subscriber covered: read the log again.
        case behind
        /// Nothing was dispatched yet: wait until the fan-out starts, then read the log again.
        case notStarted
    }

    /// What the dispatching loop does next (``step(latest:)``).
    enum Step {
        /// The fan-out finished.
        case stop
        /// Nothing to read now; wake these subscribers.
        case idle([AsyncStream<Void>.Continuation])
        /// Read the log after this offset and ``deliver(_:)`` the batch.
        case read(after: Int64)
    }

    /// Every event up to this offset has been handed to the subscribers attached at the time;
    /// `nil` until the dispatching loop started.
    private(set) var dispatched: Int64?
    private(set) var slots: [UInt64: Slot] = [:]
    private(set) var isFinished = false
    private var nextID: UInt64 = 0

    /// Adds a detached subscriber, or returns `nil` when the fan-out has finished.
    mutating func add(
        filter: EventFilter,
        capacity: Int,
        answersWebhooks: Bool = false,
        wake: AsyncStream<Void>.Continuation
    ) -> UInt64? {
        guard !isFinished else {
            return nil
        }
        nextID += 1
        slots[nextID] = Slot(
            filter: filter,
            answersWebhooks: answersWebhooks,
            ring: EventRing(capacity: capacity),
            wake: wake
        )
        return nextID
    }

    /// Removes a subscriber and returns its wake-up continuation, to be finished.
    mutating func remove(_ id: UInt64) -> AsyncStream<Void>.Continuation? {
        slots.removeValue(forKey: id)?.wake
    }

    /// The next step of subscriber `id`, whose events up to `position` are handed out.
    mutating func take(_ id: UInt64, after position: Int64) -> Take {
        guard !isFinished, slots[id] != nil else {
            return .finished
        }
        while let event = slots[id]?.ring.popFirst() {
            if event.offset > position {
                return .event(event)
            }
        }
        let slot = slots[id]
        return slot?.attached == true || slot?.waitingForStart == true ? .wait : .readLog
    }

    /// Attaches subscriber `id` if the log read it made covered every dispatched offset.
    mutating func attach(_ id: UInt64, coveredUpTo covered: Int64) -> Attachment {
        guard let dispatched else {
            slots[id]?.waitingForStart = true
            return .notStarted
        }
        guard covered >= dispatched else {
            return .behind
        }
        slots[id]?.attached = true
        return .attached
    }

    /// Decides what the dispatching loop does, knowing the log's latest offset.
    ///
    /// With no attached subscriber nothing needs reading: ``dispatched`` jumps to `latest`, and
    /// subscribers attaching later must have read that far.
    mutating func step(latest: Int64) -> Step {
        guard !isFinished else {
            return .stop
        }
        guard let dispatched else {
            self.dispatched = latest
            var wakes: [AsyncStream<Void>.Continuation] = []
            for (id, slot) in slots where slot.waitingForStart {
                slots[id]?.waitingForStart = false
                wakes.append(slot.wake)
            }
            return .idle(wakes)
        }
        guard dispatched < latest else {
            return .idle([])
        }
        guard slots.values.contains(where: \.attached) else {
            self.dispatched = latest
            return .idle([])
        }
        return .read(after: dispatched)
    }

    /// Hands the events of `batch`, read after ``dispatched``, to every attached subscriber
    /// whose filter they pass; a subscriber whose buffer fills up is detached.
    ///
    /// - Returns: The subscribers to wake.
    mutating func deliver(_ batch: EventBatch) -> [AsyncStream<Void>.Continuation] {
        var wakes: [AsyncStream<Void>.Continuation] = []
        for id in Array(slots.keys) {
            // Taken out while it changes, so that its ring is not copied on each append.
            guard var slot = slots.removeValue(forKey: id) else {
                continue
            }
            defer { slots[id] = slot }
            guard slot.attached else {
                continue
            }
            var changed = false
            for logged in batch.events where slot.filter.matches(logged.event) {
                changed = true
                guard slot.ring.append(logged) else {
                    slot.attached = false
                    slot.overflows += 1
                    break
                }
            }
            slot.mostBuffered = max(slot.mostBuffered, slot.ring.count)
            if changed {
                wakes.append(slot.wake)
            }
        }
        dispatched = max(dispatched ?? 0, batch.resumeAfter)
        return wakes
    }

    /// Detaches every subscriber, so that each reads the log itself (after the dispatching loop
    /// failed to read it), and returns them to be woken.
    mutating func detachAll() -> [AsyncStream<Void>.Continuation] {
        var wakes: [AsyncStream<Void>.Continuation] = []
        for (id, slot) in slots where slot.attached {
            slots[id]?.attached = false
            wakes.append(slot.wake)
        }
        return wakes
    }

    /// Ends the fan-out: every subscriber's stream ends. Returns the continuations to finish.
    mutating func finish() -> [AsyncStream<Void>.Continuation] {
        isFinished = true
        defer { slots = [:] }
        return slots.values.map(\.wake)
    }
}
