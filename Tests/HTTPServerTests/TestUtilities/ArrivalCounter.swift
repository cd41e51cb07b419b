import Synchronization

/// Counts arrivals and lets a test wait until a number of them have happened.
final class ArrivalCounter: Sendable {
    private struct State {
        var count = 0
        var waiters: [(Int, CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    /// Records one arrival.
    func arrive() {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.count += 1
            let count = state.count
            let ready = state.waiters.filter { $0.0 <= count }.map(\.1)
            state.waiters.removeAll { $0.0 <= count }
            return ready
        }
        for continuation in ready {
            continuation.resume()
        }
    }

    /// Returns once `count` arrivals have been recorded.
    func wait(for count: Int) async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state -> Bool in
                guard state.count < count else {
                    return true
                }
                state.waiters.append((count, continuation))
                return false
            }
            if done {
                continuation.resume()
            }
        }
    }
}
