internal import Synchronization

/// The window of a server stream inside one process: how many messages the handler may send
/// ahead of the reader before its next send waits.
///
/// The handler calls ``acquire()`` before each message and the reader ``release()`` after
/// taking one, so a reader that stops reading holds the handler back instead of letting
/// messages pile up in memory. ``close()`` wakes every waiting sender for good (the stream
/// ended or the reader left).
final class StreamCredit: Sendable {
    private struct State {
        var outstanding = 0
        var closed = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiterID = 0
    }

    /// The most messages sent but not yet read.
    let window: Int
    private let state = Mutex(State())

    /// Creates a window of `window` messages, at least one.
    init(window: Int) {
        self.window = max(1, window)
    }

    /// Waits until the reader is less than ``window`` messages behind, then counts one more.
    /// Returns at once, without waiting, once the credit is closed or the task is cancelled.
    func acquire() async {
        let id = state.withLock { state -> Int? in
            guard !state.closed, state.outstanding >= window else {
                state.outstanding += 1
                return nil
            }
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        guard let id else {
            return
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> Bool in
                    if state.closed || state.outstanding < window || Task.isCancelled {
                        state.outstanding += 1
                        return true
                    }
                    state.waiters[id] = continuation
                    return false
                }
                if ready {
                    continuation.resume()
                }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }

    /// Counts one message as read, letting one waiting sender go on.
    func release() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.outstanding = max(0, state.outstanding - 1)
            guard let id = state.waiters.keys.min() else {
                return nil
            }
            state.outstanding += 1
            return state.waiters.removeValue(forKey: id)
        }
        waiter?.resume()
    }

    /// Ends the window: every waiting and later ``acquire()`` returns at once.
    func close() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.closed = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters {
            waiter.resume()
        }
    }
}
