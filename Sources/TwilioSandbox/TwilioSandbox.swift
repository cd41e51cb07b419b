internal import HTTPServer
public import ServiceSupport

/// A local stand-in for Twilio's REST API, served over HTTP on 127.0.0.1.
///
/// It speaks the 2010-04-01 Messages API as Twilio does with test credentials: the same paths,
/// HTTP Basic authentication, form-encoded parameters, validation order, magic test numbers,
/// error bodies and resource JSON. Point any Twilio client at ``baseURL`` with the credentials
/// of ``account``.
///
/// ```swift
/// let sandbox = try TwilioSandbox(configuration: .init(), logger: logger)
/// try sandbox.start()
/// let url = sandbox.baseURL!            // http://127.0.0.1:PORT
/// let (sid, token) = (sandbox.account.sid, sandbox.account.authToken)
/// // …
/// sandbox.stop()
/// ```
///
/// Calls (`POST`/`GET …/Calls.json`, `GET`/`POST …/Calls/{Sid}.json`) live through Twilio's
/// statuses on a timer (``Configuration/callTimings``), fetch their TwiML URL when answered, and
/// send signed status callbacks for the requested events; see ``SandboxCall`` for the numbers
/// that make a call busy, unanswered or failed. The sandbox sends requests only to the hosts
/// in ``Configuration/outboundHosts``.
///
/// Verify v2 is served on the same base URL (point a client's Verify base URL
/// there too) for each account's ``SandboxAccount/verifyServices``: verifications over `sms`,
/// `call`, `email` and `whatsapp` with Twilio's limits (10-minute codes, 5 checks, 5 sends per
/// 10 minutes, 20404 once a verification is over), and TOTP factors and challenges checked with
/// real RFC 6238 codes. Codes arrive in the recipient's inbox: ``deliveries(to:accountSID:)``,
/// or `GET /sandbox/inbox/{address}` with the account's credentials.
///
/// `GET /2010-04-01/Accounts/{AccountSid}.json` answers the authenticated account (without its
/// auth token), which is what health checks fetch.
///
/// Messages: `POST …/Messages.json`, `GET …/Messages.json` (`PageSize`, `Page`, `To`, `From`),
/// `GET …/Messages/{Sid}.json` and `POST …/Messages/{Sid}.json` (cancel a scheduled message,
/// redact a body). Messages move from status to status on timers (see
/// ``SandboxMessageTimings``), scheduled ones wait for their `SendAt`, and each change after the
/// first status reaches the message's `StatusCallback` as a signed form POST (see
/// ``callbacks``). Unlike Twilio with test credentials, the sandbox does make status callbacks.
///
/// Every method may be called from any thread.
public final class TwilioSandbox: Sendable {
    /// The configuration the sandbox was created with.
    public let configuration: Configuration
    private let state: SandboxState
    let callStore: CallStore
    private let inbox: SandboxInbox
    private let server: HTTPServer
    private let lifecycle: MessageLifecycle
    private let statusCallbacks: StatusCallbacks
    let logger: Logger
    /// The webhook URLs set on numbers and Messaging Services.
    let webhookSettings: WebhookSettings
    /// Sends the webhooks of simulated inbound messages and calls.
    let inboundSender: WebhookSender

    /// Creates a sandbox; it does not listen until ``start()``.
    ///
    /// - Parameters:
    ///   - configuration: Accounts, faults and port.
    ///   - logger: Receives debug events (requests, created and rejected messages); phone
    ///     numbers are masked and auth tokens never logged.
    /// - Throws: ``TwilioSandboxError`` with code `invalidConfiguration` when a value is unusable,
    ///   such as an additional trusted certificate file that cannot be read.
    public init(configuration: Configuration = Configuration(), logger: Logger = .disabled) throws(TwilioSandboxError) {
        try configuration.validate()
        let trust: CallbackTrust
        do {
            trust = try CallbackTrust(
                additionalTrustedCertificatesPath: configuration.additionalTrustedCertificatesPath
            )
        } catch {
            throw TwilioSandboxError(
                code: .invalidConfiguration,
                message: "Invalid TwilioSandbox configuration: \(error)"
            )
        }
        let state = SandboxState(configuration: configuration)
        let calls = CallStore(configuration: configuration, logger: logger)
        let verify = VerifyStore(randomSeed: configuration.randomSeed, wallClock: configuration.wallClock)
        let inbox = SandboxInbox(state: state, store: verify)
        let webhookSettings = WebhookSettings()
        let statusCallbacks = StatusCallbacks(
            state: state,
            settings: webhookSettings,
            wallClock: configuration.wallClock,
            allowedHosts: configuration.outboundHosts,
            trust: trust,
            logger: logger
        )
        let lifecycle = MessageLifecycle(
            state: state,
            callbacks: statusCallbacks,
            timings: configuration.messageTimings,
            wallClock: configuration.wallClock,
            logger: logger
        )
        let messages = MessagesResource(
            state: state,
            lifecycle: lifecycle,
            wallClock: configuration.wallClock,
            logger: logger
        )
        let frontDoor = SandboxFrontDoor(
            state: state,
            resources: [
                AccountsResource(state: state, createdAt: configuration.wallClock()),
                messages,
                CallsResource(state: state, calls: calls, logger: logger),
                VerificationsResource(state: state, store: verify, logger: logger),
                FactorsResource(state: state, store: verify, logger: logger),
                InboxResource(state: state, inbox: inbox),
            ],
            logger: logger
        )
        do {
            server = try HTTPServer(
                configuration: HTTPServer.Configuration(host: "127.0.0.1", port: configuration.port),
                logger: logger,
                handler: frontDoor.handler
            )
        } catch {
            statusCallbacks.stop()
            throw TwilioSandboxError(code: .invalidConfiguration, message: error.message)
        }
        self.configuration = configuration
        self.state = state
        self.callStore = calls
        self.inbox = inbox
        self.lifecycle = lifecycle
        self.statusCallbacks = statusCallbacks
        self.logger = logger
        self.webhookSettings = webhookSettings
        self.inboundSender = WebhookSender(
            allowedHosts: configuration.outboundHosts,
            trustedCertificatesPath: configuration.additionalTrustedCertificatesPath,
            logger: logger
        )
    }

    deinit {
        lifecycle.stop()
        statusCallbacks.stop()
    }

    /// Starts listening on 127.0.0.1.
    ///
    /// - Throws: ``TwilioSandboxError`` with code `startFailed` when the port cannot be bound
    ///   or the sandbox was started before.
    public func start() throws(TwilioSandboxError) {
        do {
            try server.start()
        } catch {
            throw TwilioSandboxError(code: .startFailed, message: "TwilioSandbox could not start: " + error.message)
        }
        lifecycle.start()
        logger.debug("twilio.sandbox.started", ["twilio.sandbox.url": baseURL ?? ""])
    }

    /// Stops listening, after letting requests in progress finish (see ``HTTPServer/stop()``),
    /// and stops moving calls and messages along and making callbacks. Blocks the calling thread
    /// until the server has stopped. Stored state stays readable.
    public func stop() {
        server.stop()
        callStore.shutDown()
        lifecycle.stop()
        statusCallbacks.stop()
    }

    /// The base URL clients use, such as `http://127.0.0.1:49152`, or `nil` unless running.
    public var baseURL: String? {
        server.boundPort.map { "http://127.0.0.1:\($0)" }
    }

    /// The first configured account: the credentials to hand to a client.
    public var account: SandboxAccount {
        configuration.accounts[0]
    }

    /// Every configured account.
    public var accounts: [SandboxAccount] {
        configuration.accounts
    }

    /// The failures being injected now.
    public var faults: SandboxFaults {
        state.faults
    }

    /// Replaces the failures to inject, from the next request on; the rate-limit sequence
    /// restarts from the new seed.
    ///
    /// - Parameter faults: The new fault settings.
    /// - Throws: ``TwilioSandboxError`` with code `invalidConfiguration` when a value is out of range.
    public func setFaults(_ faults: SandboxFaults) throws(TwilioSandboxError) {
        try Configuration.validate(faults)
        state.faults = faults
    }

    /// The requests received, in arrival order, with when each arrived and who sent it: all of
    /// them up to ``Configuration/requestLogLimit``, then about the newest that many.
    public var receivedRequests: [SandboxRequestRecord] {
        state.requests
    }

    /// The messages of an account, oldest first.
    ///
    /// - Parameter accountSID: The account; the first account when `nil`.
    /// - Returns: The account's messages.
    public func messages(accountSID: String? = nil) -> [SandboxMessage] {
        let sid = accountSID ?? account.sid
        return state.messages { $0.accountSID == sid }
    }

    /// The message with `sid` in any account, or `nil`.
    ///
    /// - Parameter sid: A Message SID.
    /// - Returns: The stored message.
    public func message(sid: String) -> SandboxMessage? {
        state.message(sid: sid, accountSID: nil)
    }

    /// Every status callback the sandbox made so far, in order, with what the receiver answered.
    public var callbacks: [SandboxCallbackRecord] {
        state.callbacks
    }

    /// The messages sent to `address` from every account, oldest first: the number's inbox.
    ///
    /// - Parameter address: An E.164 number or channel address, compared exactly (`whatsapp:+1…`
    ///   and `+1…` are different inboxes, as they are different recipients).
    /// - Returns: The messages addressed to it.
    public func inbox(for address: String) -> [SandboxMessage] {
        state.messages { $0.to == address }
    }

    /// What reached `address`, oldest first: the Verify codes sent there (their text and the
    /// code) and the messages sent to it through the Messages API.
    ///
    /// - Parameters:
    ///   - address: A phone number, with or without a channel prefix such as `whatsapp:`, or an
    ///     email address in any case.
    ///   - accountSID: Only what this account sent; everything when `nil`.
    /// - Returns: The address's inbox.
    public func deliveries(to address: String, accountSID: String? = nil) -> [SandboxDelivery] {
        inbox.deliveries(to: address, accountSID: accountSID)
    }

    /// The inbox of `address` for the sandbox's first account as the JSON document that
    /// `GET /sandbox/inbox/{address}` answers, for a gateway that serves it on its own port.
    public func inboxDocument(for address: String) -> String {
        InboxResource.document(address: address, deliveries: deliveries(to: address, accountSID: account.sid))
    }
}
