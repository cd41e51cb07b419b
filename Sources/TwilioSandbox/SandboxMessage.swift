/// A message the sandbox holds, as the Messages API returns it.
///
/// Messages move along their statuses on a timer (see ``SandboxMessageTimings``). Most end
/// `delivered`; these destinations end otherwise, after the steps Twilio would take:
///
/// | `To` | End | `ErrorCode` |
/// |---|---|---|
/// | `+15005553003` | `undelivered` after `sent` | 30003 Unreachable destination handset |
/// | `+15005553005` | `undelivered` after `sent` | 30005 Unknown destination handset |
/// | `+15005553006` | `undelivered` after `sent` | 30006 Landline or unreachable carrier |
/// | `+15005553007` | `undelivered` after `sent` | 30007 Message filtered |
/// | `+15005553008` | `failed` after `sending` | 30008 Unknown error |
public struct SandboxMessage: Sendable, Hashable {
    /// The Message SID: `SM` and 32 lowercase hex digits, or `MM` when it carries media.
    public var sid: String
    /// The account that created it.
    public var accountSID: String
    /// The Messaging Service it was sent through, if any.
    public var messagingServiceSID: String?
    /// The sender, or `nil` while a Messaging Service has not chosen one.
    public var from: String?
    /// The recipient: an E.164 number or a channel address such as `whatsapp:+1…`.
    public var to: String
    /// The text; empty for a media-only message.
    public var body: String
    /// Where the message is in its lifecycle.
    public var status: Status
    /// `outbound-api` for messages created through the API.
    public var direction: String
    /// SMS segments of the body (see `ServiceSupport.SMSSegments`); 0 until a Messaging Service
    /// sends it.
    public var numSegments: Int
    /// The media URLs sent with it.
    public var mediaURLs: [String]
    /// The `StatusCallback` URL given at creation, if any.
    public var statusCallback: String?
    /// The delivery error code once the message failed, such as 30003.
    public var errorCode: Int?
    /// The delivery error text once the message failed.
    public var errorMessage: String?
    /// When it was created, in seconds since 1970.
    public var dateCreated: Double
    /// When it last changed, in seconds since 1970.
    public var dateUpdated: Double
    /// When it was sent, in seconds since 1970, or `nil` before that.
    public var dateSent: Double?
    /// When a scheduled message is to be sent, in seconds since 1970.
    public var sendAt: Double?
    /// The `ValidityPeriod` in seconds given at creation, if any.
    public var validityPeriod: Int?
    /// The Content template (`HX…`) given at creation, if any.
    public var contentSID: String?
    /// The `ContentVariables` JSON given at creation, if any.
    public var contentVariables: String?

    /// The message's path under the API, such as `/2010-04-01/Accounts/AC…/Messages/SM….json`.
    public var uri: String {
        "/2010-04-01/Accounts/\(accountSID)/Messages/\(sid).json"
    }
}
