internal import Synchronization

/// Tells the bulk sends of a ``MessagingService`` that the gateway is shutting down, and wakes
/// those that wait for a pace slot or a retry.
///
/// Raising is final. Waits end early when it is raised, but requests already on the wire are
/// never cut off: their outcome is known once they return.
final class ShutdownSignal: Sendable {
    private struct State {
        var isRaised = false
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        /// Waiters whose task was cancelled before they were registered.
        var cancelled: Set<Int> = []
    }

    private let state = Mutex(State())

    /// Creates a signal that is not raised.
    init() {}

    /// Whether ``raise()`` was called.
    var isRaised: Bool {
        state.withLock { $0.isRaised }
    }

    /// Raises the signal and wakes every wait; calling it again does nothing.
    func raise() {
        let waiters = state.withLock { state in
            state.isRaised = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters {
            waiter.resume()
        }
    }

    /// Sleeps until `deadline`, or until the signal is raised if that comes first.
    ///
    /// - Returns: `true` when the deadline came with the signal not raised; `false` when it was
    ///   raised (before or during the wait).
    /// - Throws: `CancellationError` when the task is cancelled while it waits.
    func sleep(until deadline: ContinuousClock.Instant) async throws -> Bool {
        guard !isRaised else {
            return false
        }
        guard deadline > .now else {
            return true
        }
        // Whichever child ends first ends the wait; the other is cancelled. Cancelling this
        // task ends both, and is then reported by the check below rather than as a raise.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
            }
            group.addTask {
                await self.waitUntilRaised()
            }
            defer { group.cancelAll() }
            try await group.next()
        }
        try Task.checkCancellation()
        return !isRaised
    }

    /// Returns when the signal is raised or the task is cancelled.
    private func waitUntilRaised() async {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.isRaised || state.cancelled.remove(id) != nil {
                        return true
                    }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow {
                    continuation.resume()
                }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                guard let waiter = state.waiters.removeValue(forKey: id) else {
                    if !state.isRaised {
                        state.cancelled.insert(id)
                    }
                    return CheckedContinuation<Void, Never>?.none
                }
                return waiter
            }
            waiter?.resume()
        }
    }
}
