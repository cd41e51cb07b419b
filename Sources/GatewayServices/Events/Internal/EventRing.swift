internal import GatewayStore

/// A first-in, first-out queue of at most ``capacity`` events, in storage allocated once: a
/// subscriber's live buffer, whose memory never grows past its capacity.
struct EventRing {
    private var slots: [LoggedEvent?]
    private var head = 0
    /// How many events are queued.
    private(set) var count = 0

    /// Creates an empty ring holding at most `capacity` events (at least one).
    init(capacity: Int) {
        slots = Array(repeating: nil, count: max(1, capacity))
    }

    /// The most events the ring holds.
    var capacity: Int {
        slots.count
    }

    /// Queues `event` at the end, unless the ring is full.
    ///
    /// - Returns: `false`, queuing nothing, when the ring is full.
    mutating func append(_ event: LoggedEvent) -> Bool {
        guard count < slots.count else {
            return false
        }
        slots[(head + count) % slots.count] = event
        count += 1
        return true
    }

    /// Takes the oldest event out, or returns `nil` when the ring is empty.
    mutating func popFirst() -> LoggedEvent? {
        guard count > 0 else {
            return nil
        }
        let event = slots[head]
        slots[head] = nil
        head = (head + 1) % slots.count
        count -= 1
        return event
    }
}
