internal import GatewayAccess
internal import GatewayMetrics
internal import GatewayServices
internal import GatewayStore
internal import RPCCore
internal import SecureTransport
internal import ServiceSupport
internal import TwilioREST
internal import TwilioSandbox
internal import WebhookIntake
internal import WireFraming

/// The RPC side of a gateway: the Twilio client (or the sandbox), the services, and the RPC server.
final class Backend: Sendable {
    let dispatcher: RPCDispatcher
    /// Who may call what, asked by the dispatcher and, up front, by GraphQL.
    let access: APIKeyAccessControl
    let mode: String
    let rpcPort: Int
    /// The client every service reaches Twilio (or the sandbox) with.
    let twilio: TwilioClient
    private let server: RPCServer
    private let messaging: MessagingService
    /// The built-in sandbox, in sandbox mode.
    let sandbox: TwilioSandbox?
    /// The event log, its subscribers, and the webhooks waiting for their TwiML.
    let events: EventsWiring
    /// What the webhooks need: the events, the store, the public URL, the token.
    let webhookState: WebhookState

    private init(
        dispatcher: RPCDispatcher,
        access: APIKeyAccessControl,
        server: RPCServer,
        rpcPort: Int,
        twilio: TwilioClient,
        messaging: MessagingService,
        sandbox: TwilioSandbox?,
        events: EventsWiring,
        webhookState: WebhookState
    ) {
        self.dispatcher = dispatcher
        self.access = access
        self.rpcPort = rpcPort
        self.twilio = twilio
        self.server = server
        self.messaging = messaging
        self.sandbox = sandbox
        self.events = events
        self.webhookState = webhookState
        self.mode = sandbox == nil ? "live" : "sandbox"
    }

    /// A transport that reaches this backend's services without a socket.
    var inProcessTransport: any RPCClientTransport {
        InProcessTransport(dispatcher: dispatcher)
    }

    /// Starts the sandbox when needed, the services and the RPC server, each reporting to
    /// `instrumentation`.
    static func start(
        _ configuration: ServeConfiguration,
        board: HealthStatusBoard,
        instrumentation: GatewayInstrumentation,
        logger: Logger
    ) throws -> Backend {
        let sandbox = try startSandboxIfNeeded(configuration, logger: logger)
        let credentials = twilioCredentials(configuration, sandbox: sandbox)
        let twilio = try makeTwilioClient(
            configuration,
            sandbox: sandbox,
            credentials: credentials,
            instrumentation: instrumentation,
            logger: logger
        )

        let store: GatewayStore
        do {
            store = try GatewayStore(directory: configuration.dataDirectory)
        } catch {
            throw StartupFailure.cannot("open the store in the data directory '\(configuration.dataDirectory)'", error)
        }
        let events = try EventsWiring.start(configuration, store: store, twilio: twilio, logger: logger)
        let webhookState = WebhookState(configuration, events: events, store: store, credentials: credentials)
        let publicURL = webhookState.publicURL
        var router = RPCRouter()
        var messaging = MessagingService(
            twilio: twilio,
            store: store,
            logger: logger.labeled("gateway.messaging"),
            observer: { instrumentation.observe($0) },
            statusCallback: { publicURL.statusCallback },
            defaultMessagingServiceSID: configuration.twilio.defaultMessagingServiceSID
        )
        messaging.reconciler = events.reconciler
        messaging.optOutRecorder = TwilioOptOutRecorder(
            store: store,
            log: events.log,
            logger: logger.labeled("gateway.messaging")
        )
        messaging.register(in: &router)
        VoiceService(twilio: twilio, statusCallback: { publicURL.statusCallback }).register(in: &router)
        VerifyService(twilio: twilio, defaultServiceSID: configuration.twilio.defaultVerifyServiceSID)
            .register(in: &router)
        HealthService(board: board).register(in: &router)
        EventsService(fanOut: events.fanOut, replies: events.replies).register(in: &router)
        let access = try configuration.apiKeys.makeAccessControl(
            store: store,
            isSandbox: sandbox != nil,
            dataDirectory: configuration.dataDirectory,
            logger: logger
        )
        let dispatcher = RPCDispatcher(router: router, logger: logger.labeled("gateway.rpc"), access: access) {
            instrumentation.observe($0)
        }

        let server = RPCServer(
            dispatcher: dispatcher,
            logger: logger.labeled("gateway.rpc.server"),
            configuration: configuration.limits.rpcServer(tls: configuration.tls)
        )
        let port: Int
        do {
            port = try server.start(host: configuration.rpcAddress.host, port: Int(configuration.rpcAddress.port))
        } catch {
            throw StartupFailure.cannotListen(on: configuration.rpcAddress, for: "RPC", error)
        }
        instrumentation.trackOpenConnections(port: "rpc") { server.openConnectionCount }
        return Backend(
            dispatcher: dispatcher,
            access: access,
            server: server,
            rpcPort: port,
            twilio: twilio,
            messaging: messaging,
            sandbox: sandbox,
            events: events,
            webhookState: webhookState
        )
    }

    /// Stops taking new calls and ends the event streams; calls in flight finish, but bulk sends
    /// stop sending at once and end with ABORTED saying how many recipients were sent.
    func beginShutdown() {
        messaging.beginShutdown()
        server.beginGracefulShutdown()
        events.beginShutdown()
    }

    /// Returns once every call has finished, the event log is closed and the sandbox has stopped.
    func waitUntilStopped() async {
        await server.waitUntilStopped()
        await events.waitUntilStopped()
        sandbox?.stop()
    }

    private static func startSandboxIfNeeded(_ configuration: ServeConfiguration, logger: Logger) throws
        -> TwilioSandbox?
    {
        guard !configuration.twilio.isConfigured else {
            return nil
        }
        let account = SandboxAccount.generate(
            phoneNumbers: configuration.sandboxNumbers,
            messagingServices: [SandboxMessagingService.generate(senders: configuration.sandboxNumbers)]
        )
        let sandbox: TwilioSandbox
        do {
            // With TLS the sandbox calls the gateway's HTTPS port, so it trusts the gateway's own
            // certificate as well as the system's store: a private CA needs no extra setup.
            sandbox = try TwilioSandbox(
                configuration: TwilioSandbox.Configuration(
                    accounts: [account],
                    additionalTrustedCertificatesPath: configuration.tls?.certificateChainPath
                ),
                logger: logger.labeled("gateway.sandbox")
            )
            try sandbox.start()
        } catch {
            throw StartupFailure.cannot("start the built-in Twilio sandbox", error)
        }
        logger.warning(
            "gateway.sandbox.enabled",
            [
                "note":
                    "no Twilio credentials are configured: requests go to the built-in sandbox and nothing is really sent",
                "sandbox.url": sandbox.baseURL ?? "",
                "sandbox.account_sid": account.sid,
                "sandbox.messaging_service_sid": account.messagingServices.first?.sid ?? "",
                "sandbox.verify_service_sid": account.verifyServices.first?.sid ?? "",
                "sandbox.numbers": configuration.sandboxNumbers.joined(separator: ","),
            ]
        )
        return sandbox
    }

    /// The account the gateway acts for: the configured one, the vault's, or the sandbox's.
    private static func twilioCredentials(_ configuration: ServeConfiguration, sandbox: TwilioSandbox?)
        -> any TwilioCredentialSource
    {
        if let sandbox {
            return StaticCredentialSource(
                TwilioCredentials(accountSID: sandbox.account.sid, authToken: sandbox.account.authToken)
            )
        }
        if configuration.twilio.accountSID == nil, let vault = configuration.twilio.vault {
            return vault
        }
        return StaticCredentialSource(
            TwilioCredentials(
                accountSID: configuration.twilio.accountSID ?? "",
                authToken: configuration.twilio.authToken ?? ""
            )
        )
    }

    private static func makeTwilioClient(
        _ configuration: ServeConfiguration,
        sandbox: TwilioSandbox?,
        credentials: any TwilioCredentialSource,
        instrumentation: GatewayInstrumentation,
        logger: Logger
    ) throws -> TwilioClient {
        var twilioConfiguration = TwilioConfiguration()
        if let sandbox {
            twilioConfiguration.apiBaseURL = sandbox.baseURL ?? twilioConfiguration.apiBaseURL
            twilioConfiguration.verifyBaseURL = twilioConfiguration.apiBaseURL
        } else {
            twilioConfiguration.apiBaseURL = configuration.twilio.apiBaseURL ?? twilioConfiguration.apiBaseURL
            twilioConfiguration.verifyBaseURL = configuration.twilio.verifyBaseURL ?? twilioConfiguration.verifyBaseURL
        }
        return try TwilioClient(
            configuration: twilioConfiguration,
            credentials: credentials,
            logger: logger,
            observer: { instrumentation.observe($0) }
        )
    }
}
