internal import GatewayServices
internal import GatewayStore
internal import ServiceSupport
internal import TwilioREST
internal import WebhookIntake

/// What the gateway's webhooks share with the RPC services: the event log, the store, the
/// board where held webhooks wait for consumers' TwiML, the public URL, and the credentials
/// whose auth token signs the webhooks.
final class WebhookState: Sendable {
    let eventLog: SQLiteEventLog
    let store: GatewayStore
    let replyBoard = WebhookReplyBoard()
    let publicURL: PublicURLSlot
    private let credentials: TwilioCredentials
    private let settings: WebhookSettings

    /// Opens the event log in the data directory.
    init(_ configuration: ServeConfiguration, store: GatewayStore, credentials: TwilioCredentials, logger: Logger)
        throws
    {
        eventLog = try SQLiteEventLog(directory: configuration.dataDirectory, logger: logger)
        self.store = store
        self.credentials = credentials
        self.settings = configuration.webhooks
        publicURL = PublicURLSlot(configuration.webhooks.publicURL)
    }

    /// The webhook endpoints over this state.
    ///
    /// - Parameter hasResponder: Whether a subscriber of an event type is connected now, so that
    ///   inbound calls and messages wait for its answer on ``replyBoard``. `serve` has no
    ///   subscriber service yet, so by default nobody is, and every webhook gets its default
    ///   TwiML at once.
    func makeIntake(logger: Logger, hasResponder: @escaping @Sendable (EventType) -> Bool = { _ in false }) throws
        -> WebhookIntake
    {
        let publicURL = self.publicURL
        let configuration = WebhookIntake.Configuration(
            publicBaseURL: { publicURL.current },
            voiceAnswerWindow: settings.voiceAnswerWindow,
            smsAnswerWindow: settings.smsAnswerWindow,
            voiceAnswers: settings.voiceAnswers,
            hasResponder: hasResponder
        )
        try configuration.validate()
        return WebhookIntake(
            configuration: configuration,
            eventLog: eventLog,
            store: store,
            replyBoard: replyBoard,
            credentials: StaticCredentialSource(credentials),
            logger: logger
        )
    }
}
