/// One move of a message along its statuses: where it goes, and how long it waits before.
struct MessageStep: Sendable, Equatable {
    /// The status the message moves to.
    var status: SandboxMessage.Status
    /// The delivery error it gets, for `failed` and `undelivered`.
    var error: (code: Int, message: String)?
    /// How long the message stays in its current status before the move.
    var delay: Duration

    static func == (lhs: MessageStep, rhs: MessageStep) -> Bool {
        lhs.status == rhs.status && lhs.error?.code == rhs.error?.code && lhs.delay == rhs.delay
    }

    /// The move that follows `status` for a message bound for `outcome`, or `nil` when the
    /// message stays: a final status, or `scheduled`, which the scheduler releases.
    static func next(
        after status: SandboxMessage.Status,
        outcome: SandboxDeliveryOutcome,
        timings: SandboxMessageTimings
    ) -> MessageStep? {
        switch (status, outcome) {
        case (.accepted, _):
            MessageStep(status: .queued, delay: timings.acceptedToQueued)
        case (.queued, _):
            MessageStep(status: .sending, delay: timings.queuedToSending)
        case (.sending, .failed(let code, let message)):
            MessageStep(status: .failed, error: (code, message), delay: timings.sendingToSent)
        case (.sending, _):
            MessageStep(status: .sent, delay: timings.sendingToSent)
        case (.sent, .undelivered(let code, let message)):
            MessageStep(status: .undelivered, error: (code, message), delay: timings.sentToDelivered)
        case (.sent, _):
            MessageStep(status: .delivered, delay: timings.sentToDelivered)
        default:
            nil
        }
    }
}
