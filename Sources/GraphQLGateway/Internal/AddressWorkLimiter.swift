internal import Synchronization

/// Counts the GraphQL requests each client address has in flight and refuses one past the
/// limit, so one client (whatever key it holds) cannot queue enough costly documents to hold up
/// everyone else's GraphQL requests on the handler's few threads.
final class AddressWorkLimiter: Sendable {
    /// One request's place; it is given back when the place goes away.
    final class Place: Sendable {
        private let limiter: AddressWorkLimiter
        private let address: String

        fileprivate init(_ limiter: AddressWorkLimiter, _ address: String) {
            self.limiter = limiter
            self.address = address
        }

        deinit {
            limiter.release(address)
        }
    }

    /// The most requests one address may have in flight.
    let limit: Int
    private let inFlight = Mutex<[String: Int]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    /// A place for one more request from `address`, or `nil` when it has ``limit`` in flight.
    func acquire(for address: String) -> Place? {
        let granted = inFlight.withLock { inFlight -> Bool in
            let count = inFlight[address, default: 0]
            guard count < limit else {
                return false
            }
            inFlight[address] = count + 1
            return true
        }
        return granted ? Place(self, address) : nil
    }

    private func release(_ address: String) {
        inFlight.withLock { inFlight in
            let remaining = inFlight[address, default: 1] - 1
            inFlight[address] = remaining > 0 ? remaining : nil
        }
    }
}
