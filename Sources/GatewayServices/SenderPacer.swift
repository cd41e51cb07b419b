internal import Synchronization

/// Spaces the sends of each sender so that none goes faster than its pace.
///
/// Each send reserves the next free slot of its sender: a message of `n` segments holds the
/// sender for `n / pace` seconds. Slots are handed out in the order they are asked for, and time
/// a sender spends idle is not saved up, so no second (or any other window) sees more than
/// `pace` segments plus the one message that straddles its start.
final class SenderPacer: Sendable {
    private let messagesPerSecond: Double
    private let nextFree = Mutex<[String: ContinuousClock.Instant]>([:])

    /// Creates a pacer; a pace of 0 lets every send go at once.
    init(messagesPerSecond: Double) {
        self.messagesPerSecond = messagesPerSecond
    }

    /// Reserves the next slot of `sender` for a message of `segments` segments and waits for it.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while it waits.
    func waitForSlot(sender: String, segments: Int) async throws {
        guard messagesPerSecond > 0 else {
            return
        }
        let slot = reserve(sender: sender, segments: segments, now: .now)
        if slot > .now {
            try await Task.sleep(until: slot, clock: .continuous)
        }
    }

    /// The start of `sender`'s next free slot, marking it taken.
    func reserve(sender: String, segments: Int, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        let hold = Duration.seconds(Double(max(segments, 1)) / messagesPerSecond)
        return nextFree.withLock { nextFree in
            let start = max(now, nextFree[sender] ?? now)
            nextFree[sender] = start + hold
            return start
        }
    }
}
