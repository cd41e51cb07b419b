internal import GatewayServices
internal import GatewayStore
internal import ServiceSupport
internal import TwilioREST
internal import WebhookIntake

/// What the gateway's webhooks share with the RPC services: the event log with its subscribers
/// and the board where held webhooks wait for consumers' TwiML (``EventsWiring``), the store,
/// the public URL, and the credentials whose auth token signs the webhooks.
final class WebhookState: Sendable {
    let events: EventsWiring
    let store: GatewayStore
    let publicURL: PublicURLSlot
    private let credentials: any TwilioCredentialSource
    private let settings: WebhookSettings

    /// Shares `events` and `store` with the webhooks.
    init(
        _ configuration: ServeConfiguration,
        events: EventsWiring,
        store: GatewayStore,
        credentials: any TwilioCredentialSource
    ) {
        self.events = events
        self.store = store
        self.credentials = credentials
        self.settings = configuration.webhooks
        publicURL = PublicURLSlot(configuration.webhooks.publicURL)
    }

    /// The webhook endpoints over this state. An inbound call or message waits for a
    /// consumer's TwiML only while a subscriber that receives its event type and said it
    /// answers webhooks (`answers_webhooks`) is connected; otherwise it gets the default TwiML
    /// at once.
    func makeIntake(logger: Logger) throws -> WebhookIntake {
        let publicURL = self.publicURL
        let fanOut = events.fanOut
        let configuration = WebhookIntake.Configuration(
            publicBaseURL: { publicURL.current },
            voiceAnswerWindow: settings.voiceAnswerWindow,
            smsAnswerWindow: settings.smsAnswerWindow,
            voiceAnswers: settings.voiceAnswers,
            hasResponder: { fanOut.hasResponder(receiving: $0) }
        )
        try configuration.validate()
        return WebhookIntake(
            configuration: configuration,
            eventLog: events.log,
            store: store,
            replyBoard: events.replies,
            credentials: credentials,
            logger: logger
        )
    }
}
