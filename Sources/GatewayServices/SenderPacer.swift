internal import Synchronization

/// Spaces the sends of each sender so that none goes faster than its pace.
///
/// Each send reserves the next free slot of its sender: a message of `n` segments holds the
/// sender for `n / pace` seconds. Slots are handed out in the order they are asked for, and time
/// a sender spends idle is not saved up, so no second (or any other window) sees more than
/// `pace` segments plus the one message that straddles its start.
///
/// One pacer serves every bulk send of a ``MessagingService``, so a sender keeps its pace
/// across concurrent calls: each reservation holds the sender for its own call's pace.
final class SenderPacer: Sendable {
    /// The longest one reservation holds its sender, whatever the pace and the segment count:
    /// a day. It keeps every slot far inside the clock's range.
    static let longestHold = Duration.seconds(86_400)
    /// How many senders are remembered before those already free again are forgotten.
    static let pruneThreshold = 1024

    private let nextFree = Mutex<[String: ContinuousClock.Instant]>([:])

    /// Creates a pacer with no sender reserved.
    init() {}

    /// Reserves the next slot of `sender` for a message of `segments` segments at
    /// `messagesPerSecond`, and waits for it.
    ///
    /// A pace of 0 (or one that is not a positive finite number) lets the send go at once,
    /// without taking a slot.
    ///
    /// - Parameter shutdown: Ends the wait early when raised.
    /// - Returns: `false` when `shutdown` was raised before the slot came: the send must not go.
    /// - Throws: `CancellationError` when the task is cancelled while it waits.
    func waitForSlot(
        sender: String,
        segments: Int,
        messagesPerSecond: Double,
        shutdown: ShutdownSignal
    ) async throws -> Bool {
        guard let hold = Self.hold(segments: segments, messagesPerSecond: messagesPerSecond) else {
            return !shutdown.isRaised
        }
        let slot = reserve(sender: sender, hold: hold, now: .now)
        return try await shutdown.sleep(until: slot)
    }

    /// The start of `sender`'s next free slot, marking it taken for `hold`.
    func reserve(sender: String, hold: Duration, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        nextFree.withLock { nextFree in
            if nextFree.count >= Self.pruneThreshold, nextFree[sender] == nil {
                nextFree = nextFree.filter { $0.value > now }
            }
            let start = max(now, nextFree[sender] ?? now)
            nextFree[sender] = start + hold
            return start
        }
    }

    /// How long a message of `segments` segments holds its sender at `messagesPerSecond`, at
    /// most ``longestHold``; `nil` without pacing.
    static func hold(segments: Int, messagesPerSecond: Double) -> Duration? {
        guard messagesPerSecond > 0, messagesPerSecond.isFinite else {
            return nil
        }
        let seconds = Double(max(segments, 1)) / messagesPerSecond
        let longest = Double(longestHold.components.seconds)
        return seconds < longest ? .seconds(seconds) : longestHold
    }
}
