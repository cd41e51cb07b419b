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
/// Served now: `POST …/Messages.json`, `GET …/Messages.json` (`PageSize`, `Page`, `To`, `From`)
/// and `GET …/Messages/{Sid}.json`. Messages stay in their initial status (`queued`, or
/// `accepted` through a Messaging Service); no status callbacks are sent for them yet.
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
/// Every method may be called from any thread.
public final class TwilioSandbox: Sendable {
    /// The configuration the sandbox was created with.
    public let configuration: Configuration
    private let state: SandboxState
    let callStore: CallStore
    private let inbox: SandboxInbox
    private let server: HTTPServer
    private let logger: Logger

    /// Creates a sandbox; it does not listen until ``start()``.
    ///
    /// - Parameters:
    ///   - configuration: Accounts, faults and port.
    ///   - logger: Receives debug events (requests, created and rejected messages); phone
    ///     numbers are masked and auth tokens never logged.
    /// - Throws: ``TwilioSandboxError`` with code `invalidConfiguration` when a value is unusable.
    public init(configuration: Configuration = Configuration(), logger: Logger = .disabled) throws(TwilioSandboxError) {
        try configuration.validate()
        let state = SandboxState(configuration: configuration)
        let calls = CallStore(configuration: configuration, logger: logger)
        let verify = VerifyStore(randomSeed: configuration.randomSeed, wallClock: configuration.wallClock)
        let inbox = SandboxInbox(state: state, store: verify)
        let frontDoor = SandboxFrontDoor(
            state: state,
            resources: [
                MessagesResource(state: state, logger: logger),
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
            throw TwilioSandboxError(code: .invalidConfiguration, message: error.message)
        }
        self.configuration = configuration
        self.state = state
        self.callStore = calls
        self.inbox = inbox
        self.logger = logger
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
        logger.debug("twilio.sandbox.started", ["twilio.sandbox.url": baseURL ?? ""])
    }

    /// Stops listening, after letting requests in progress finish (see ``HTTPServer/stop()``),
    /// and stops moving calls along. Blocks the calling thread until the server has stopped.
    /// Stored state stays readable.
    public func stop() {
        server.stop()
        callStore.shutDown()
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

    /// Every request received so far, in arrival order, with when it arrived and who sent it.
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
}
