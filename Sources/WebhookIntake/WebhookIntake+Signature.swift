internal import GatewayCrypto
internal import HTTPServer
internal import ServiceSupport
internal import TwilioREST

extension WebhookIntake {
    /// Checks the request's signature against the auth token, or against the shared key that
    /// `X-Twilio-Webhooks-Signature-Settings` names.
    ///
    /// - Throws: ``WebhookRejection``: 403 for a refused signature (logged with the URL that
    ///   was checked), 503 when the public URL or the credentials are not available.
    func verifySignature(_ request: HTTPRequest, body: WebhookBody, at endpoint: WebhookEndpoint)
        async throws(WebhookRejection)
    {
        guard let base = configuration.publicBaseURL() else {
            logger.error("webhook.public_url.missing", ["webhook.endpoint": endpoint.rawValue])
            throw .unavailable("the gateway's public URL is not configured (GATEWAY_PUBLIC_URL)")
        }
        let url = base.url(path: request.path, query: request.query)

        let secret: SecretBytes
        var algorithm = HMAC.Algorithm.sha1
        if let header = request.headers[SignatureSettings.headerName] {
            guard let settings = SignatureSettings(header: header) else {
                throw refuse(.unsupportedSettings, url: url, endpoint: endpoint, request: request)
            }
            guard let shared = await configuration.sharedKeySecret(settings.keyID) else {
                throw refuse(.unknownSharedKey, url: url, endpoint: endpoint, request: request)
            }
            secret = SecretBytes(shared)
            algorithm = settings.algorithm
        } else {
            let token: SecretBytes
            do {
                token = try await credentials.credentials().authToken
            } catch {
                logger.error("webhook.credentials.unavailable", ["webhook.endpoint": endpoint.rawValue])
                throw .unavailable("the auth token that signs webhooks is not available now; retry later")
            }
            // Credentials with only an API key have no token: no signature can be checked.
            guard !token.isEmpty else {
                logger.error("webhook.credentials.unavailable", ["webhook.endpoint": endpoint.rawValue])
                throw .unavailable("the gateway has no auth token to check webhook signatures with; store it")
            }
            secret = token
        }

        if let refusal = SignatureCheck.refusal(of: request, body: body, url: url, secret: secret, algorithm: algorithm)
        {
            throw refuse(refusal, url: url, endpoint: endpoint, request: request)
        }
    }

    private func refuse(
        _ refusal: SignatureCheck.Refusal,
        url: String,
        endpoint: WebhookEndpoint,
        request: HTTPRequest
    ) -> WebhookRejection {
        logger.warning(
            "webhook.signature.rejected",
            [
                "webhook.endpoint": endpoint.rawValue, "webhook.url": url, "webhook.reason": refusal.rawValue,
                "http.remote_address": request.remoteAddress,
            ]
        )
        return .forbidden
    }
}
