internal import Dispatch
internal import ServiceSupport
internal import Synchronization

/// Moves messages along their statuses on timers, releases scheduled messages at their send
/// time, and reports each change to ``StatusCallbacks``.
///
/// Every timer runs on one serial queue, so the changes of one message happen in order. After
/// ``stop()`` no message moves again.
final class MessageLifecycle: Sendable {
    private let state: SandboxState
    private let callbacks: StatusCallbacks
    private let timings: SandboxMessageTimings
    private let wallClock: @Sendable () -> Double
    private let logger: Logger
    private let queue = DispatchQueue(label: "twilio.sandbox.messages")
    private let running = Atomic(false)

    init(
        state: SandboxState,
        callbacks: StatusCallbacks,
        timings: SandboxMessageTimings,
        wallClock: @escaping @Sendable () -> Double,
        logger: Logger
    ) {
        self.state = state
        self.callbacks = callbacks
        self.timings = timings
        self.wallClock = wallClock
        self.logger = logger
    }

    /// Starts moving messages and checking scheduled ones.
    func start() {
        guard timings.advances, !running.exchange(true, ordering: .acquiringAndReleasing) else {
            return
        }
        queue.async { self.releaseScheduledMessages() }
    }

    /// Stops every timer; messages keep the status they have.
    func stop() {
        running.store(false, ordering: .releasing)
    }

    /// Starts the trip of a message that was just created (its first status gets no callback).
    func begin(_ message: SandboxMessage) {
        scheduleNextStep(of: message)
    }

    /// Reports a change a request made (a cancellation) to the message's status callback.
    func reportChange(_ message: SandboxMessage) {
        callbacks.statusChanged(message)
    }

    private func scheduleNextStep(of message: SandboxMessage) {
        let outcome = SandboxDeliveryOutcome.forRecipient(message.to)
        guard running.load(ordering: .acquiring),
            let step = MessageStep.next(after: message.status, outcome: outcome, timings: timings)
        else {
            return
        }
        let sid = message.sid
        queue.asyncAfter(deadline: .now() + step.delay.timeInterval) {
            self.take(step, sid: sid, from: message.status)
        }
    }

    /// Applies `step` if the message is still where it was when the step was planned.
    private func take(_ step: MessageStep, sid: String, from status: SandboxMessage.Status) {
        guard running.load(ordering: .acquiring) else {
            return
        }
        let now = wallClock()
        let moved = state.updateMessage(sid: sid) { message in
            guard message.status == status else {
                return false
            }
            Self.apply(step, to: &message, now: now, state: state)
            return true
        }
        guard let moved else {
            return
        }
        logger.debug(
            "twilio.sandbox.message.status_changed",
            ["twilio.message.sid": sid, "twilio.message.status": moved.status.rawValue]
        )
        callbacks.statusChanged(moved)
        scheduleNextStep(of: moved)
    }

    private static func apply(_ step: MessageStep, to message: inout SandboxMessage, now: Double, state: SandboxState) {
        if step.status == .queued {
            pickSender(for: &message, state: state)
        }
        message.status = step.status
        message.dateUpdated = now
        if step.status == .sent {
            message.dateSent = now
        }
        if let error = step.error {
            message.errorCode = error.code
            message.errorMessage = error.message
        }
    }

    /// What a Messaging Service does when it takes a message: choose the sender from its pool and
    /// count the segments.
    private static func pickSender(for message: inout SandboxMessage, state: SandboxState) {
        guard let serviceSID = message.messagingServiceSID else {
            return
        }
        if message.from == nil {
            let services = state.accounts[message.accountSID]?.messagingServices ?? []
            message.from = services.first { $0.sid == serviceSID }?.senders.first ?? SandboxAccount.magicSender
        }
        message.numSegments = SandboxState.segments(body: message.body, mediaURLs: message.mediaURLs)
    }

    /// Moves every due scheduled message to `queued`, then checks again after the interval.
    private func releaseScheduledMessages() {
        guard running.load(ordering: .acquiring) else {
            return
        }
        let now = wallClock()
        for sid in state.dueScheduledMessages(now: now) {
            take(MessageStep(status: .queued, delay: .zero), sid: sid, from: .scheduled)
        }
        queue.asyncAfter(deadline: .now() + timings.schedulerInterval.timeInterval) {
            self.releaseScheduledMessages()
        }
    }
}

extension Duration {
    /// The duration in seconds, for Dispatch deadlines.
    fileprivate var timeInterval: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
