internal import Synchronization

/// Holds the single response of a unary call until the call's status is known.
final class ResponseSlot: Sendable {
    private let storage = Mutex<[UInt8]?>(nil)

    func store(_ message: [UInt8]) {
        storage.withLock { $0 = message }
    }

    var value: [UInt8]? {
        storage.withLock { $0 }
    }
}
