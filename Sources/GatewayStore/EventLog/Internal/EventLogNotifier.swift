internal import Synchronization

/// The streams of ``SQLiteEventLog/latestOffsets()``: each subscriber's continuation, told the
/// new latest offset after every commit that appended events.
///
/// Values are yielded while the lock is held, so that a subscriber's first value (read after
/// it is registered) and every later one reach it in order: with streams that keep only the
/// newest value, an out-of-order yield would hide a wake-up.
final class EventLogNotifier: Sendable {
    private struct Subscribers {
        var next: UInt64 = 0
        var continuations: [UInt64: AsyncStream<Int64>.Continuation] = [:]
        var finished = false
    }

    private let subscribers = Mutex(Subscribers())

    /// A new stream that yields `current()` at once and every later ``publish(_:)``; it keeps
    /// only the newest value when its reader is slow. After ``finish()`` it ends at once.
    ///
    /// - Parameter current: The latest offset, read once the stream is registered; the writer
    ///   stores a new latest offset before publishing it, so no commit falls in between.
    func subscribe(current: () -> Int64) -> AsyncStream<Int64> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int64.self, bufferingPolicy: .bufferingNewest(1))
        let id = subscribers.withLock { subscribers -> UInt64? in
            guard !subscribers.finished else {
                return nil
            }
            subscribers.next += 1
            subscribers.continuations[subscribers.next] = continuation
            continuation.yield(current())
            return subscribers.next
        }
        guard let id else {
            continuation.yield(current())
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    /// Tells every subscriber that `latest` is the latest offset.
    func publish(_ latest: Int64) {
        subscribers.withLock { subscribers in
            for continuation in subscribers.continuations.values {
                continuation.yield(latest)
            }
        }
    }

    /// Ends every stream, and every stream subscribed later.
    func finish() {
        let continuations = subscribers.withLock { subscribers in
            subscribers.finished = true
            defer { subscribers.continuations = [:] }
            return Array(subscribers.continuations.values)
        }
        for continuation in continuations {
            continuation.finish()
        }
    }
}
