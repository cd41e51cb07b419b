internal import GatewayStore

/// One of the gateway's Twilio webhook endpoints, each under `/webhooks/twilio/`.
///
/// | Endpoint | Path | Events | Bodies | Answer |
/// |---|---|---|---|---|
/// | ``sms`` | `/webhooks/twilio/sms` | `sms.inbound` (+ `optout`/`optin`) | form | TwiML, `<Response/>` by default |
/// | ``voice`` | `/webhooks/twilio/voice` | `call.inbound` | form | TwiML, the number's default |
/// | ``status`` | `/webhooks/twilio/status` | `message.status` or `call.status` (+ `optout`) | form, JSON | 204 |
/// | ``verify`` | `/webhooks/twilio/verify` | `verify.status` | form, JSON | 204 |
///
/// Twilio may be told to use `GET` instead of `POST` for any of them; the parameters then come
/// from the query string. JSON bodies carry Twilio's `bodySHA256` query parameter.
public enum WebhookEndpoint: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Inbound messages to the account's numbers (a number's or Messaging Service's incoming URL).
    case sms
    /// Inbound calls to the account's numbers (a number's Voice URL).
    case voice
    /// Message and call status callbacks (`StatusCallback`).
    case status
    /// Verify webhooks (a Verify Service's webhook, Verify events).
    case verify

    /// The path the gateway serves it at, such as `/webhooks/twilio/sms`.
    public var path: String {
        "/webhooks/twilio/" + rawValue
    }

    /// Whether the endpoint takes `application/json` bodies besides forms.
    public var acceptsJSON: Bool {
        self == .status || self == .verify
    }

    /// The event type it stores for a webhook; ``status`` decides per request between
    /// `message.status` and `call.status`.
    var eventType: EventType {
        switch self {
        case .sms: .smsInbound
        case .voice: .callInbound
        case .status: .messageStatus
        case .verify: .verifyStatus
        }
    }

    /// The endpoint's name, such as `sms`.
    public var description: String {
        rawValue
    }
}
