public import ServiceSupport

/// Sends requests to URLs that applications gave, the way Twilio calls webhooks: status
/// callbacks, TwiML fetches. The Twilio sandbox uses it to call back the applications under test.
///
/// It runs on the same libcurl engine as ``TwilioClient``, with its own connection pool, and
/// sends no credentials. Redirects are not followed; only `http` and `https` URLs are used.
/// Which hosts may be called is the caller's decision: the client sends wherever it is told.
public final class WebhookClient: Sendable {
    /// The `User-Agent` Twilio's webhooks carry.
    public static let twilioUserAgent = "TwilioProxy/1.1"

    private let engine: HTTPEngine
    private let userAgent: String
    private let connectTimeout: Duration
    private let requestTimeout: Duration
    private let maximumResponseBodyBytes: Int
    private let trustedCertificatesPath: String?

    /// Creates a client and starts its network thread.
    ///
    /// - Parameters:
    ///   - userAgent: The `User-Agent` header, Twilio's by default.
    ///   - connectTimeout: How long connecting may take; Twilio allows 10 seconds.
    ///   - requestTimeout: How long a whole request may take; Twilio allows 15 seconds.
    ///   - maximumResponseBodyBytes: The largest answer read; a larger one fails with
    ///     ``TwilioTransportError/Kind/tooLarge``.
    ///   - trustedCertificatesPath: A PEM file of certificates trusted for `https`, each by
    ///     itself, such as a receiver's own certificate chain. It takes the place of libcurl's
    ///     CA bundle, while libcurl's CA directory (on Debian `/etc/ssl/certs`, the system's
    ///     store) stays trusted. `nil` trusts libcurl's defaults only.
    ///   - logger: Receives the network thread's own failures, at debug level.
    /// - Throws: ``TwilioTransportError`` of kind `setupFailed` when libcurl cannot be initialised.
    public init(
        userAgent: String = WebhookClient.twilioUserAgent,
        connectTimeout: Duration = .seconds(10),
        requestTimeout: Duration = .seconds(15),
        maximumResponseBodyBytes: Int = 1024 * 1024,
        trustedCertificatesPath: String? = nil,
        logger: Logger = .disabled
    ) throws(TwilioTransportError) {
        self.engine = try HTTPEngine(maximumConnectionsPerHost: 4, logger: logger.labeled("twilio.webhook"))
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maximumResponseBodyBytes = maximumResponseBodyBytes
        self.trustedCertificatesPath = trustedCertificatesPath
    }

    /// Sends one request and returns the answer, whatever its status.
    ///
    /// - Parameter request: The request.
    /// - Returns: The answer.
    /// - Throws: ``TwilioTransportError`` when no complete answer arrived (refused connection,
    ///   timeout, answer too large), or `CancellationError` when the calling task was cancelled.
    public func send(_ request: WebhookRequest) async throws -> WebhookResponse {
        let response = try await engine.send(
            HTTPRequest(
                method: request.method == .get ? .get : .post,
                url: request.url,
                headers: request.headers.map { HTTPHeader($0.name, $0.value) },
                body: request.body,
                authentication: nil,
                userAgent: userAgent,
                connectTimeout: min(connectTimeout, requestTimeout),
                timeout: requestTimeout,
                maximumResponseBodyBytes: maximumResponseBodyBytes,
                trustedCertificatesPath: trustedCertificatesPath
            )
        )
        return WebhookResponse(
            status: response.status,
            headers: response.headers.map { (name: $0.name, value: $0.value) },
            body: response.body
        )
    }
}
