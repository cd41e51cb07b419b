internal import Synchronization

/// One call with an idempotency key in progress in this process, and the calls waiting for it.
final class Flight: Sendable {
    private struct State {
        var outcome: IdempotentCalls.Outcome?
        var waiters: [Int: CheckedContinuation<IdempotentCalls.Outcome, any Error>] = [:]
        var nextWaiter = 0
    }

    /// The request the call is for, in canonical form.
    let fingerprint: String
    private let state = Mutex(State())

    init(fingerprint: String) {
        self.fingerprint = fingerprint
    }

    /// Waits for the call's outcome.
    ///
    /// - Throws: `CancellationError` when the waiting task is cancelled first; the call goes on.
    func outcome() async throws -> IdempotentCalls.Outcome {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready = state.withLock { state -> Result<IdempotentCalls.Outcome, CancellationError>? in
                    if let outcome = state.outcome {
                        return .success(outcome)
                    }
                    if Task.isCancelled {
                        return .failure(CancellationError())
                    }
                    state.waiters[id] = continuation
                    return nil
                }
                if let ready {
                    continuation.resume(with: ready)
                }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume(throwing: CancellationError())
        }
    }

    /// Hands `outcome` to every waiting call and to every later one.
    func finish(_ outcome: IdempotentCalls.Outcome) {
        let waiters = state.withLock { state in
            state.outcome = outcome
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters {
            waiter.resume(returning: outcome)
        }
    }
}
