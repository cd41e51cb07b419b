internal import Synchronization

/// Counts the event streams open at once, in all and per client address, and refuses one past
/// either limit, so that one client cannot take every stream the server serves.
final class EventStreamLimiter: Sendable {
    /// One open stream's place; it is given back on ``release()`` or when the slot goes away.
    final class Slot: Sendable {
        private let limiter: EventStreamLimiter
        private let address: String
        private let released = Atomic(false)

        fileprivate init(_ limiter: EventStreamLimiter, _ address: String) {
            self.limiter = limiter
            self.address = address
        }

        deinit {
            release()
        }

        /// Gives the place back; later calls do nothing.
        func release() {
            if !released.exchange(true, ordering: .acquiringAndReleasing) {
                limiter.release(address)
            }
        }
    }

    /// Which limit a refused stream would have broken.
    enum Refusal: Error {
        /// The address has ``EventStreamLimiter/limitPerAddress`` streams open.
        case perAddress
        /// ``EventStreamLimiter/limit`` streams are open in all.
        case total
    }

    private struct Counts {
        var open = 0
        var byAddress: [String: Int] = [:]
    }

    /// The most streams open at once.
    let limit: Int
    /// The most streams one client address may have open at once.
    let limitPerAddress: Int
    private let counts = Mutex(Counts())

    init(limit: Int, limitPerAddress: Int) {
        self.limit = limit
        self.limitPerAddress = limitPerAddress
    }

    /// A place for one more stream from `address`.
    ///
    /// - Throws: ``Refusal/perAddress`` when `address` has ``limitPerAddress`` streams open
    ///   (checked first, so a client over its own limit hears about that one), else
    ///   ``Refusal/total`` when ``limit`` streams are open.
    func acquire(for address: String) throws(Refusal) -> Slot {
        try counts.withLock { counts throws(Refusal) in
            let own = counts.byAddress[address, default: 0]
            guard own < limitPerAddress else {
                throw .perAddress
            }
            guard counts.open < limit else {
                throw .total
            }
            counts.open += 1
            counts.byAddress[address] = own + 1
        }
        return Slot(self, address)
    }

    private func release(_ address: String) {
        counts.withLock { counts in
            counts.open -= 1
            let remaining = counts.byAddress[address, default: 1] - 1
            counts.byAddress[address] = remaining > 0 ? remaining : nil
        }
    }
}
