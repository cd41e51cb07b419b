internal import GatewayCrypto
internal import ServiceSupport
internal import Synchronization
internal import TwilioREST

/// Sends the sandbox's requests to applications the way Twilio does: form parameters (in the
/// query string for `GET`), `X-Twilio-Signature` made with the account's auth token over the
/// URL and the sorted parameters, a fresh `I-Twilio-Idempotency-Token`,
/// `User-Agent: TwilioProxy/1.1`, a 15-second limit. A URL's fragment is dropped before it is
/// used or signed.
///
/// Only hosts in ``TwilioSandbox/Configuration/outboundHosts`` are contacted. The libcurl
/// client is made on first use, so a sandbox that never calls back starts no network thread.
/// For `https` it trusts ``TwilioSandbox/Configuration/additionalTrustedCertificatesPath`` as
/// well as the system's store (see ``WebhookClient``).
final class WebhookSender: Sendable {
    /// How one request went.
    struct Outcome: Sendable {
        /// The URL requested, parameters included for `GET`.
        var url: String
        var signature: String
        var response: WebhookResponse?
        var errorMessage: String?
    }

    /// The header that names a webhook across Twilio's retries of it.
    static let idempotencyTokenHeader = "I-Twilio-Idempotency-Token"

    private let allowedHosts: Set<String>
    private let trustedCertificatesPath: String?
    private let logger: Logger
    private let client = Mutex<WebhookClient?>(nil)

    init(allowedHosts: Set<String>, trustedCertificatesPath: String?, logger: Logger) {
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
        self.trustedCertificatesPath = trustedCertificatesPath
        self.logger = logger
    }

    /// Sends `parameters` to `url` with `method` (`GET` or `POST`), signed with `authToken`.
    func send(url: String, method: String, parameters: [FormField], authToken: String) async -> Outcome {
        let target = String(url.prefix { $0 != "#" })
        let isGet = method == "GET"
        let fullURL = isGet ? Self.appendingQuery(FormEncoding.encode(parameters), to: target) : target
        let signed = isGet ? [] : parameters.map { (name: $0.name, value: $0.value) }
        let signature = TwilioSignature.sign(url: fullURL, parameters: signed, authToken: authToken)
        var outcome = Outcome(url: fullURL, signature: signature)

        guard let parsed = OutboundURL(target), allowedHosts.contains(parsed.host) else {
            outcome.errorMessage =
                "the sandbox only calls hosts in outboundHosts (\(allowedHosts.sorted())); \(target) "
                + "is not one of them"
            logger.debug("twilio.sandbox.webhook.refused", ["http.method": method])
            return outcome
        }
        var headers = [
            (name: TwilioSignature.headerName, value: signature),
            (name: Self.idempotencyTokenHeader, value: Self.makeIdempotencyToken()),
        ]
        if !isGet {
            headers.append((name: "Content-Type", value: "application/x-www-form-urlencoded"))
        }
        let request = WebhookRequest(
            method: isGet ? .get : .post,
            url: fullURL,
            headers: headers,
            body: isGet ? [] : Array(FormEncoding.encode(parameters).utf8)
        )
        do {
            outcome.response = try await webhookClient().send(request)
        } catch {
            outcome.errorMessage = "\(error)"
        }
        logger.debug(
            "twilio.sandbox.webhook.sent",
            ["http.method": method, "http.status": outcome.response.map { String($0.status) } ?? "none"]
        )
        return outcome
    }

    /// A new idempotency token: 32 random hex digits. The sandbox never retries a webhook, so
    /// every request gets its own.
    static func makeIdempotencyToken() -> String {
        var random = SystemRandomNumberGenerator()
        return SIDFormat.hexDigits(32, using: &random)
    }

    private func webhookClient() throws -> WebhookClient {
        try client.withLock { client in
            if let client {
                return client
            }
            let made = try WebhookClient(trustedCertificatesPath: trustedCertificatesPath, logger: logger)
            client = made
            return made
        }
    }

    private static func appendingQuery(_ query: String, to url: String) -> String {
        guard !query.isEmpty else {
            return url
        }
        return url + (url.contains("?") ? "&" : "?") + query
    }
}
