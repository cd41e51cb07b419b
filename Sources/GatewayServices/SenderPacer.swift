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
///
/// A reserved slot is where a send starts waiting, not a promise: when it wakes, the send claims
/// the sender only if the previous send's hold has passed, measured from when that send really
/// went. So a process that stalls (a loaded machine waking its sleepers late) pushes the later
/// sends back instead of letting them catch up in a burst.
final class SenderPacer: Sendable {
    /// The longest one reservation holds its sender, whatever the pace and the segment count:
    /// a day. It keeps every slot far inside the clock's range.
    static let longestHold = Duration.seconds(86_400)
    /// How many senders are remembered before those already free again are forgotten.
    static let pruneThreshold = 1024

    private struct Senders {
        /// The end of each sender's last reserved slot.
        var nextFree: [String: ContinuousClock.Instant] = [:]
        /// When each sender may send again, from when its last send really went.
        var nextSend: [String: ContinuousClock.Instant] = [:]
    }

    private let senders = Mutex(Senders())

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
        var wakeAt = reserve(sender: sender, hold: hold, now: .now)
        while true {
            guard try await shutdown.sleep(until: wakeAt) else {
                return false
            }
            guard let later = claim(sender: sender, hold: hold, now: .now) else {
                return true
            }
            wakeAt = later
        }
    }

    /// The start of `sender`'s next free slot, marking it taken for `hold`.
    func reserve(sender: String, hold: Duration, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        senders.withLock { senders in
            if senders.nextFree.count >= Self.pruneThreshold, senders.nextFree[sender] == nil {
                senders.nextFree = senders.nextFree.filter { $0.value > now }
                senders.nextSend = senders.nextSend.filter { $0.value > now }
            }
            let start = max(now, senders.nextFree[sender] ?? now, senders.nextSend[sender] ?? now)
            senders.nextFree[sender] = start + hold
            return start
        }
    }

    /// Lets a send of `sender` go at `now`, holding the sender for `hold` from now, unless the
    /// previous send's hold has not passed yet.
    ///
    /// - Returns: `nil` when the send may go; otherwise when to try again.
    func claim(sender: String, hold: Duration, now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        senders.withLock { senders in
            if let allowed = senders.nextSend[sender], allowed > now {
                return allowed
            }
            senders.nextSend[sender] = now + hold
            return nil
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
