internal import HTTPServer

/// Why a webhook is answered with an error instead of being stored, and what the answer says.
///
/// Only requests whose signature checked out learn more than their status: a forger gets
/// `Forbidden` and nothing else.
struct WebhookRejection: Error, Sendable {
    /// The answer's status.
    var status: HTTPStatus
    /// The answer's plain-text body.
    var message: String

    /// The answer.
    var response: HTTPResponse {
        var response = HTTPResponse.text(message + "\n", status: status)
        if status == .serviceUnavailable {
            response.headers.add(name: "Retry-After", value: "1")
        }
        return response
    }

    /// 403 with nothing that helps a forger.
    static let forbidden = WebhookRejection(status: .forbidden, message: "Forbidden")

    /// 400 for a signed request whose body or parameters are wrong.
    static func badRequest(_ message: String) -> WebhookRejection {
        WebhookRejection(status: .badRequest, message: message)
    }

    /// 503: nothing was stored (or not everything), so Twilio should retry.
    static func unavailable(_ message: String) -> WebhookRejection {
        WebhookRejection(status: .serviceUnavailable, message: message)
    }
}
