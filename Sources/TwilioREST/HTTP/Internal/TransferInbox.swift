/// What the callers of ``HTTPEngine`` hand to its thread: new transfers, cancellations, shutdown.
///
/// A pure state machine, kept in a `Mutex`. Each method returns what the caller must do once it
/// has released the lock. Every transfer gets an ID first (``reserve()``) so that a cancellation
/// can arrive before, during or after its submission:
///
/// - `reserved` → `submitted` by ``submit(_:id:)``, or → `cancelled` by ``cancel(_:)``;
/// - `cancelled` → gone: ``submit(_:id:)`` then refuses the transfer, which never starts;
/// - `submitted` → gone by ``finish(_:)``, which the engine thread calls when the transfer ends,
///   for whatever reason; a later ``cancel(_:)`` finds nothing and does nothing.
struct TransferInbox<Payload: Sendable>: Sendable {
    private enum Entry: Sendable {
        case reserved
        case cancelled
        case submitted
    }

    /// Work for the engine thread, taken all at once.
    struct Work: Sendable {
        /// Transfers to start, oldest first.
        var arrivals: [(id: UInt64, payload: Payload)] = []
        /// IDs of submitted transfers to stop; some may have finished meanwhile.
        var cancellations: [UInt64] = []
        /// Whether the engine is shutting down.
        var isShuttingDown = false
    }

    /// What ``submit(_:id:)`` asks of its caller.
    enum SubmitAction: Equatable, Sendable {
        /// Wake the engine thread, which will start the transfer.
        case wakeLoop
        /// The transfer was cancelled before it was submitted: fail it with `CancellationError`.
        case refuseCancelled
        /// The engine is shutting down: fail the transfer.
        case refuseShuttingDown
    }

    private var entries: [UInt64: Entry] = [:]
    private var nextID: UInt64 = 0
    private var work = Work()

    /// Gives a transfer its ID before it is submitted.
    mutating func reserve() -> UInt64 {
        nextID += 1
        entries[nextID] = .reserved
        return nextID
    }

    /// Queues a transfer for the engine thread, unless it was cancelled or the engine is stopping.
    mutating func submit(_ payload: Payload, id: UInt64) -> SubmitAction {
        guard entries[id] == .reserved else {
            entries[id] = nil
            return .refuseCancelled
        }
        guard !work.isShuttingDown else {
            entries[id] = nil
            return .refuseShuttingDown
        }
        entries[id] = .submitted
        work.arrivals.append((id, payload))
        return .wakeLoop
    }

    /// Records that the transfer's caller no longer waits for it.
    ///
    /// - Returns: Whether the engine thread must be woken to stop a submitted transfer.
    mutating func cancel(_ id: UInt64) -> Bool {
        switch entries[id] {
        case .reserved:
            entries[id] = .cancelled
            return false
        case .submitted:
            work.cancellations.append(id)
            return true
        case .cancelled, nil:
            return false
        }
    }

    /// Forgets a transfer that ended; called by the engine thread before it resumes the caller.
    mutating func finish(_ id: UInt64) {
        entries[id] = nil
    }

    /// Asks the engine thread to stop; transfers submitted from now on are refused.
    ///
    /// - Returns: Whether this call started the shutdown, so the thread must be woken.
    mutating func beginShutdown() -> Bool {
        guard !work.isShuttingDown else {
            return false
        }
        work.isShuttingDown = true
        return true
    }

    /// Hands all queued work to the engine thread and empties the queue.
    mutating func takeWork() -> Work {
        let taken = work
        work.arrivals = []
        work.cancellations = []
        return taken
    }

    /// How many transfers have an ID and have not finished; for tests.
    var trackedCount: Int {
        entries.count
    }
}
