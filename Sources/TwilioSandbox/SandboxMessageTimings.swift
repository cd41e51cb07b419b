/// How long a sandbox message stays in each status on its way to the handset, and how often
/// scheduled messages are checked for their send time.
///
/// A message sent from a number starts `queued`; through a Messaging Service it starts
/// `accepted` (or `scheduled` with `SendAt`). A timer then moves it one status at a time:
/// `accepted` → `queued` → `sending` → `sent` → `delivered`, or to `undelivered` / `failed`
/// for the magic destinations listed at ``SandboxMessage``. Each move reaches the message's
/// `StatusCallback`, if it has one.
public struct SandboxMessageTimings: Sendable, Hashable {
    /// Whether messages move at all; when `false` they keep their first status.
    public var advances: Bool
    /// From `accepted` (a Messaging Service picks the sender) to `queued`.
    public var acceptedToQueued: Duration
    /// From `queued` to `sending`.
    public var queuedToSending: Duration
    /// From `sending` to `sent` (or `failed`).
    public var sendingToSent: Duration
    /// From `sent` to `delivered` (or `undelivered`).
    public var sentToDelivered: Duration
    /// How often `scheduled` messages are compared with the wall clock; a message is released
    /// at most this long after its `SendAt`.
    public var schedulerInterval: Duration

    /// Creates timings.
    ///
    /// - Parameters:
    ///   - advances: Whether messages move at all.
    ///   - acceptedToQueued: Time spent `accepted`.
    ///   - queuedToSending: Time spent `queued`.
    ///   - sendingToSent: Time spent `sending`.
    ///   - sentToDelivered: Time spent `sent`.
    ///   - schedulerInterval: How often scheduled messages are checked.
    public init(
        advances: Bool = true,
        acceptedToQueued: Duration = .milliseconds(500),
        queuedToSending: Duration = .milliseconds(500),
        sendingToSent: Duration = .milliseconds(500),
        sentToDelivered: Duration = .seconds(1),
        schedulerInterval: Duration = .seconds(1)
    ) {
        self.advances = advances
        self.acceptedToQueued = acceptedToQueued
        self.queuedToSending = queuedToSending
        self.sendingToSent = sendingToSent
        self.sentToDelivered = sentToDelivered
        self.schedulerInterval = schedulerInterval
    }

    /// About what a developer sees from Twilio: delivered some 2.5 seconds after creation.
    public static let standard = SandboxMessageTimings()

    /// A few milliseconds per step, for tests that follow a message to its end.
    public static let fast = SandboxMessageTimings(
        acceptedToQueued: .milliseconds(10),
        queuedToSending: .milliseconds(10),
        sendingToSent: .milliseconds(10),
        sentToDelivered: .milliseconds(10),
        schedulerInterval: .milliseconds(10)
    )

    /// Messages keep their first status, and scheduled ones are never released.
    public static let frozen = SandboxMessageTimings(advances: false)
}
