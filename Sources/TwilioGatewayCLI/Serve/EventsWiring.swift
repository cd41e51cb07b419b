internal import GatewayServices
internal import GatewayStore
internal import ServiceSupport
internal import TwilioREST

/// The event side of a backend: the durable event log, the fan-out to its subscribers, the
/// board where webhooks wait for a consumer's TwiML, and the status reconciler, with the two
/// background tasks that drive the fan-out and the reconciler.
final class EventsWiring: Sendable {
    let log: SQLiteEventLog
    let fanOut: EventFanOut
    let replies: WebhookReplyBoard
    let reconciler: MessageStatusReconciler
    private let dispatching: Task<Void, Never>
    private let reconciling: Task<Void, Never>

    private init(log: SQLiteEventLog, fanOut: EventFanOut, reconciler: MessageStatusReconciler) {
        self.log = log
        self.fanOut = fanOut
        self.replies = WebhookReplyBoard()
        self.reconciler = reconciler
        dispatching = Task { await fanOut.run() }
        reconciling = Task { await reconciler.run() }
    }

    /// Opens the event log in the data directory and starts the fan-out and the reconciler.
    ///
    /// - Throws: ``GatewayStore/EventLogError`` when the log cannot be opened.
    static func start(
        _ configuration: ServeConfiguration,
        store: GatewayStore,
        twilio: TwilioClient,
        logger: Logger
    ) throws -> EventsWiring {
        let log = try SQLiteEventLog(
            directory: configuration.dataDirectory,
            configuration: SQLiteEventLog.Configuration(retention: configuration.eventRetention.retention),
            logger: logger
        )
        let reconciler = MessageStatusReconciler(
            store: store,
            log: log,
            twilio: twilio,
            configuration: MessageStatusReconciler.Configuration(reconcileAfter: configuration.statusReconcileAfter),
            logger: logger.labeled("gateway.reconciler")
        )
        return EventsWiring(
            log: log,
            fanOut: EventFanOut(log: log, logger: logger.labeled("gateway.events")),
            reconciler: reconciler
        )
    }

    /// Ends every event stream (subscribers get UNAVAILABLE and resume elsewhere or later)
    /// and stops the reconciler.
    func beginShutdown() {
        fanOut.finish()
        reconciling.cancel()
    }

    /// Returns once the background tasks have ended and the log is closed.
    func waitUntilStopped() async {
        await dispatching.value
        await reconciling.value
        await log.close()
    }
}
