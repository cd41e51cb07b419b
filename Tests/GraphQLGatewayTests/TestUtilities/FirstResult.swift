import Synchronization

/// The first value a background task reports, for a test to wait for.
final class FirstResult: Sendable {
    private let first = Mutex<String?>(nil)

    /// The first value recorded, or `nil` before any.
    var value: String? {
        first.withLock { $0 }
    }

    /// Records `value` unless one was recorded before.
    func record(_ value: String) {
        first.withLock { $0 = $0 ?? value }
    }
}
