internal import GatewayCrypto
internal import HTTPServer
internal import ServiceSupport

/// Checks `X-Twilio-Signature` with ``GatewayCrypto/TwilioSignature``: the port variants of the
/// URL, the sorted form fields or the JSON body's `bodySHA256`, in constant time.
enum SignatureCheck {
    /// Why a signature was refused, for the operator's log line.
    enum Refusal: String, Sendable {
        /// The request has no `X-Twilio-Signature`.
        case missing = "no X-Twilio-Signature header"
        /// The signature does not match the URL and parameters.
        case mismatch = "the signature does not match the URL and parameters"
        /// `X-Twilio-Webhooks-Signature-Settings` names no key or an unknown algorithm.
        case unsupportedSettings = "X-Twilio-Webhooks-Signature-Settings names no key or an unsupported algorithm"
        /// The shared key the settings name is not configured.
        case unknownSharedKey = "the shared key named by X-Twilio-Webhooks-Signature-Settings is not configured"
    }

    /// Whether `request`'s signature matches `url` and its parameters under `secret`.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - body: How it carries its parameters.
    ///   - url: The URL Twilio requested, query included.
    ///   - secret: The auth token, or the shared key's secret.
    ///   - algorithm: The hash function.
    /// - Returns: `nil` when it matches, otherwise why not.
    static func refusal(
        of request: HTTPRequest,
        body: WebhookBody,
        url: String,
        secret: SecretBytes,
        algorithm: HMAC.Algorithm
    ) -> Refusal? {
        guard let signature = request.headers[TwilioSignature.headerName] else {
            return .missing
        }
        let valid: Bool
        switch body {
        case .json:
            valid = TwilioSignature.isValid(
                signature,
                url: url,
                body: request.body,
                secret: secret,
                algorithm: algorithm
            )
        case .form, .query:
            valid = TwilioSignature.isValid(
                signature,
                url: url,
                parameters: body.signedFields(of: request),
                secret: secret,
                algorithm: algorithm
            )
        }
        return valid ? nil : .mismatch
    }
}
