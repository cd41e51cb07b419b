internal import GatewayCrypto
internal import HTTPServer
internal import ServiceSupport

/// Tells a message's `StatusCallback` about each change of its status, as Twilio does: a
/// form-encoded POST signed with the account's auth token, from `TwilioProxy/1.1`, with
/// `MessageSid`, `MessageStatus`, `SmsSid`, `SmsStatus`, `AccountSid`, `From`, `To`,
/// `ApiVersion`, `MessagingServiceSid` when there is one, `ErrorCode` once failed or
/// undelivered, and `RawDlrDoneDate` (`YYMMDDhhmm`) once delivered or undelivered.
///
/// A message without a `StatusCallback` of its own reports to its Messaging Service's, when one
/// is configured. No callback is made for a message's first status, and none after ``stop()``.
/// Only hosts in ``TwilioSandbox/Configuration/outboundHosts`` are called; a callback to any
/// other host is recorded as failed without a connection or a name lookup.
final class StatusCallbacks: Sendable {
    /// How long one delivery may take, connecting included, as Twilio allows a webhook.
    static let timeout = Duration.seconds(15)

    private let state: SandboxState
    private let settings: WebhookSettings
    private let deliveries = CallbackDeliveryQueue()
    private let wallClock: @Sendable () -> Double
    private let allowedHosts: Set<String>
    private let trust: CallbackTrust
    private let logger: Logger

    init(
        state: SandboxState,
        settings: WebhookSettings,
        wallClock: @escaping @Sendable () -> Double,
        allowedHosts: Set<String>,
        trust: CallbackTrust,
        logger: Logger
    ) {
        self.state = state
        self.settings = settings
        self.wallClock = wallClock
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
        self.trust = trust
        self.logger = logger
    }

    /// Queues the callback for `message`'s current status, if it has a callback URL.
    func statusChanged(_ message: SandboxMessage) {
        let serviceCallback = message.messagingServiceSID.flatMap { settings.service($0)?.statusCallback }
        guard let url = message.statusCallback ?? serviceCallback, let account = state.accounts[message.accountSID]
        else {
            return
        }
        let parameters = Self.parameters(for: message, now: wallClock())
        let signedURL = CallbackTarget(url)?.signedURL ?? url
        let signature = TwilioSignature.sign(url: signedURL, parameters: parameters, authToken: account.authToken)
        let state = self.state
        let allowedHosts = self.allowedHosts
        let trust = self.trust
        let logger = self.logger
        deliveries.enqueue {
            let result = Self.deliver(
                url: url,
                parameters: parameters,
                signature: signature,
                allowedHosts: allowedHosts,
                trust: trust
            )
            state.recordCallback(url: signedURL, parameters: parameters, signature: signature, result: result)
            logger.debug(
                "twilio.sandbox.callback.delivered",
                [
                    "twilio.message.sid": message.sid, "twilio.message.status": message.status.rawValue,
                    "callback.result": Self.describe(result),
                ]
            )
        }
    }

    /// Stops making callbacks; the one being made, if any, finishes.
    func stop() {
        deliveries.stop()
    }

    static func parameters(for message: SandboxMessage, now: Double) -> [(name: String, value: String)] {
        var parameters: [(name: String, value: String)] = [
            ("SmsSid", message.sid),
            ("SmsStatus", message.status.rawValue),
            ("MessageStatus", message.status.rawValue),
            ("To", message.to),
        ]
        if let service = message.messagingServiceSID {
            parameters.append(("MessagingServiceSid", service))
        }
        parameters += [
            ("MessageSid", message.sid),
            ("AccountSid", message.accountSID),
            ("From", message.from ?? ""),
            ("ApiVersion", "2010-04-01"),
        ]
        if let code = message.errorCode, [.failed, .undelivered].contains(message.status) {
            parameters.append(("ErrorCode", String(code)))
        }
        if [.delivered, .undelivered].contains(message.status) {
            parameters.append(("RawDlrDoneDate", RFC2822Date.dlrDoneDate(now)))
        }
        return parameters
    }

    private static func deliver(
        url: String,
        parameters: [(name: String, value: String)],
        signature: String,
        allowedHosts: Set<String>,
        trust: CallbackTrust
    ) -> SandboxCallbackRecord.Result {
        guard let target = CallbackTarget(url) else {
            return .failed("only http:// and https:// callback URLs can be called from the sandbox")
        }
        guard allowedHosts.contains(target.host.lowercased()) else {
            return .failed(
                "the sandbox only calls hosts in outboundHosts (\(allowedHosts.sorted())); \(target.host) is not one"
            )
        }
        let body = HTTPForm(parameters).encoded
        let headers = [
            ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            ("User-Agent", "TwilioProxy/1.1"),
            ("X-Twilio-Signature", signature),
            (WebhookSender.idempotencyTokenHeader, WebhookSender.makeIdempotencyToken()),
            ("Accept", "*/*"),
        ]
        do {
            let status = try CallbackPoster.post(
                to: target,
                headers: headers,
                body: Array(body.utf8),
                timeout: timeout,
                trust: trust
            )
            return .answered(status: status)
        } catch {
            return .failed(error.message)
        }
    }

    private static func describe(_ result: SandboxCallbackRecord.Result) -> String {
        switch result {
        case .answered(let status): "http \(status)"
        case .failed(let reason): reason
        }
    }
}
