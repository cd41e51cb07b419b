internal import Synchronization

/// Counts the event streams open at once and refuses one past the limit.
final class EventStreamLimiter: Sendable {
    /// One open stream's place; it is given back on ``release()`` or when the slot goes away.
    final class Slot: Sendable {
        private let limiter: EventStreamLimiter
        private let released = Atomic(false)

        fileprivate init(_ limiter: EventStreamLimiter) {
            self.limiter = limiter
        }

        deinit {
            release()
        }

        /// Gives the place back; later calls do nothing.
        func release() {
            if !released.exchange(true, ordering: .acquiringAndReleasing) {
                limiter.open.withLock { $0 -= 1 }
            }
        }
    }

    /// The most streams open at once.
    let limit: Int
    private let open = Mutex(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// A place for one more stream, or `nil` when ``limit`` streams are open.
    func acquire() -> Slot? {
        let granted = open.withLock { open -> Bool in
            guard open < limit else {
                return false
            }
            open += 1
            return true
        }
        return granted ? Slot(self) : nil
    }
}
