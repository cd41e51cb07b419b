import Foundation
import Synchronization

/// A fresh directory under the system's temporary directory, removed when released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A wall clock that stands still until a test moves it.
final class ManualClock: Sendable {
    private let now: Mutex<Double>

    init(_ start: Double = 1_735_732_800) {
        now = Mutex(start)
    }

    func advance(seconds: Double) {
        now.withLock { $0 += seconds }
    }

    var read: @Sendable () -> Double {
        { self.now.withLock { $0 } }
    }
}
