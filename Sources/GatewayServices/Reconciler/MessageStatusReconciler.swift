public import GatewayAPI
public import GatewayStore
public import ServiceSupport
public import TwilioREST

/// Publishes the status of messages whose final status callback never came: each message sent
/// through the gateway is tracked as pending (``track(_:)``), and once it has been pending for
/// ``Configuration/reconcileAfter`` it is fetched from Twilio once and a `message.status`
/// event with what Twilio answered is appended to the log, marked with the parameter
/// `GatewaySource=reconciler`.
///
/// The statuses live in ``GatewayStore/GatewayStore/messageStatuses``, where status
/// callbacks move them forward; a message whose final status arrived is not pending any more.
/// ``run()`` checks periodically. A fetch that fails for a reason that may pass (Twilio
/// unreachable, rate limited, a 5xx) is tried again at the next check; any other failure
/// (Twilio does not know the message) ends the message's reconciliation with a warning.
public final class MessageStatusReconciler: Sendable {
    /// When and how much the reconciler checks.
    public struct Configuration: Hashable, Sendable {
        /// How long a message may wait for its final status before it is fetched; 15 minutes
        /// by default (`GATEWAY_STATUS_RECONCILE_AFTER`).
        public var reconcileAfter: Duration
        /// How often ``MessageStatusReconciler/run()`` checks: a quarter of ``reconcileAfter``,
        /// between 10 milliseconds and a minute, unless set.
        public var interval: Duration
        /// The most messages one check fetches; 100 by default.
        public var batchLimit: Int

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - reconcileAfter: How long a message may stay pending.
        ///   - interval: How often to check, or `nil` for a quarter of `reconcileAfter`.
        ///   - batchLimit: The most messages one check fetches.
        public init(reconcileAfter: Duration = .seconds(15 * 60), interval: Duration? = nil, batchLimit: Int = 100) {
            self.reconcileAfter = reconcileAfter
            self.interval = interval ?? min(max(reconcileAfter / 4, .milliseconds(10)), .seconds(60))
            self.batchLimit = max(1, batchLimit)
        }
    }

    /// The parameter that marks the events the reconciler appends, and its value.
    public static let sourceParameter = EventParameter("GatewaySource", "reconciler")

    /// The settings.
    public let configuration: Configuration
    private let statuses: LatestStatuses
    private let log: any EventLog
    private let twilio: TwilioClient
    private let logger: Logger
    private let clock: @Sendable () -> Double

    /// Creates a reconciler.
    ///
    /// - Parameters:
    ///   - store: Where message statuses are tracked.
    ///   - log: Where the fetched statuses are published.
    ///   - twilio: The client that fetches messages.
    ///   - configuration: When and how much to check.
    ///   - logger: For fetch failures.
    ///   - clock: The wall clock in seconds since 1970; it must agree with the store's.
    public init(
        store: GatewayStore,
        log: any EventLog,
        twilio: TwilioClient,
        configuration: Configuration = Configuration(),
        logger: Logger = .disabled,
        clock: @escaping @Sendable () -> Double = { Timestamp.now() }
    ) {
        self.statuses = store.messageStatuses
        self.log = log
        self.twilio = twilio
        self.configuration = configuration
        self.logger = logger
        self.clock = clock
    }

    /// Tracks a message that was just sent as pending until its final status arrives.
    ///
    /// A status the message lifecycle does not know (or none) is tracked as `accepted`, the
    /// earliest, so that any callback moves it. Failing to track only logs a warning: the
    /// message was sent all the same.
    public func track(_ message: Message) {
        let status = StatusLifecycle.message.stage(of: message.status) == nil ? "accepted" : message.status
        do {
            _ = try statuses.record(status, for: message.sid)
        } catch {
            logger.warning("reconciler.track_failed", ["twilio.message.sid": message.sid, "error": error.description])
        }
    }

    /// Checks every ``Configuration/interval`` until the calling task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            _ = await reconcileOverdue()
            try? await Task.sleep(for: configuration.interval)
        }
    }

    /// Fetches the messages pending for longer than ``Configuration/reconcileAfter`` (at most
    /// ``Configuration/batchLimit``) and publishes what Twilio answers.
    ///
    /// - Returns: How many statuses were published.
    public func reconcileOverdue() async -> Int {
        let cutoff = clock() - configuration.reconcileAfter.milliseconds / 1000
        let overdue: [TrackedStatus]
        do {
            overdue = try statuses.pending(firstSeenBefore: cutoff, limit: configuration.batchLimit)
        } catch {
            logger.warning("reconciler.pending_failed", ["error": error.description])
            return 0
        }

        var published = 0
        for tracked in overdue where !Task.isCancelled {
            if await reconcile(tracked.sid) {
                published += 1
            }
        }
        return published
    }

    /// Fetches one message and publishes its status; `true` when published.
    private func reconcile(_ sid: String) async -> Bool {
        do {
            let message = try await twilio.fetchMessage(sid: sid, logger: logger)
            let stored = try await log.append(event(for: message))
            if let status = message.status?.rawValue {
                _ = try statuses.record(status, for: sid)
            }
            try statuses.markReconciled(sid)
            logger.info(
                "reconciler.status_published",
                [
                    "twilio.message.sid": sid, "twilio.message.status": message.status?.rawValue ?? "",
                    "events.offset": String(stored.offset),
                ]
            )
            return !stored.isDuplicate
        } catch let error as TwilioAPIError where !error.isRetryable {
            logger.warning("reconciler.fetch_refused", ["twilio.message.sid": sid, "error": error.description])
            try? statuses.markReconciled(sid)
        } catch {
            logger.warning("reconciler.fetch_failed", ["twilio.message.sid": sid, "error": "\(error)"])
        }
        return false
    }

    /// The event of a fetched message, shaped like Twilio's status callback; the dedupe key
    /// keeps a retry after a crash from publishing it twice.
    private func event(for message: TwilioMessage) -> GatewayEvent {
        var parameters = [EventParameter("MessageSid", message.sid)]
        let optional: [(String, String?)] = [
            ("MessageStatus", message.status?.rawValue), ("AccountSid", message.accountSID),
            ("MessagingServiceSid", message.messagingServiceSID), ("From", message.from), ("To", message.to),
            ("ErrorCode", message.errorCode.map(String.init)),
        ]
        for case (let name, let value?) in optional {
            parameters.append(EventParameter(name, value))
        }
        parameters.append(Self.sourceParameter)
        return GatewayEvent(
            type: .messageStatus,
            receivedAt: clock(),
            dedupeKey: "reconciler:" + message.sid,
            webhookParameters: parameters
        )
    }
}
