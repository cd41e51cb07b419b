/// A Message resource as Twilio returns it from create and fetch.
///
/// Decoding takes Twilio's snake_case JSON and ignores fields it does not know. Every field but
/// ``sid`` may be missing or null. Counts and prices stay strings, as Twilio sends them
/// (`"num_segments": "1"`); a number there is accepted too. Dates stay in Twilio's RFC 2822 text,
/// such as `Wed, 01 Jan 2025 12:00:00 +0000`. Encoding writes the same shape, with `null` for
/// fields that are `nil`.
public struct TwilioMessage: Hashable, Sendable {
    /// The message SID, `SM…` or `MM…`.
    public var sid: String
    /// The account that owns the message, `AC…`.
    public var accountSID: String?
    /// The Messaging Service that sent it, `MG…`.
    public var messagingServiceSID: String?
    /// The sender.
    public var from: String?
    /// The recipient.
    public var to: String?
    /// The text.
    public var body: String?
    /// Where the message is in its life, such as ``TwilioMessageStatus/queued``.
    public var status: TwilioMessageStatus?
    /// `inbound`, `outbound-api`, `outbound-call` or `outbound-reply`.
    public var direction: String?
    /// The number of SMS segments, as text (`"1"`).
    public var numSegments: String?
    /// The number of media items, as text (`"0"`).
    public var numMedia: String?
    /// The price, as text (`"-0.00750"`), once billed.
    public var price: String?
    /// The currency of ``price``, such as `USD`.
    public var priceUnit: String?
    /// The delivery error code, such as 30003, when the message failed or was undelivered.
    public var errorCode: Int?
    /// The delivery error's description.
    public var errorMessage: String?
    /// When the message was created, in RFC 2822.
    public var dateCreated: String?
    /// When the message was last updated, in RFC 2822.
    public var dateUpdated: String?
    /// When the message was sent, in RFC 2822.
    public var dateSent: String?
    /// The API version, `2010-04-01`.
    public var apiVersion: String?
    /// The resource's path, relative to the API base URL.
    public var uri: String?
    /// Paths of related resources, such as `media`.
    public var subresourceURIs: [String: String]?

    /// Creates a message; the sandbox and tests use this to build answers.
    ///
    /// - Parameters:
    ///   - sid: The message SID.
    ///   - accountSID: The owning account.
    ///   - messagingServiceSID: The Messaging Service.
    ///   - from: The sender.
    ///   - to: The recipient.
    ///   - body: The text.
    ///   - status: The status.
    ///   - direction: The direction.
    ///   - numSegments: The number of segments, as text.
    ///   - numMedia: The number of media items, as text.
    ///   - price: The price, as text.
    ///   - priceUnit: The currency.
    ///   - errorCode: The delivery error code.
    ///   - errorMessage: The delivery error's description.
    ///   - dateCreated: The creation date, RFC 2822.
    ///   - dateUpdated: The update date, RFC 2822.
    ///   - dateSent: The send date, RFC 2822.
    ///   - apiVersion: The API version.
    ///   - uri: The resource's path.
    ///   - subresourceURIs: Paths of related resources.
    public init(
        sid: String,
        accountSID: String? = nil,
        messagingServiceSID: String? = nil,
        from: String? = nil,
        to: String? = nil,
        body: String? = nil,
        status: TwilioMessageStatus? = nil,
        direction: String? = nil,
        numSegments: String? = nil,
        numMedia: String? = nil,
        price: String? = nil,
        priceUnit: String? = nil,
        errorCode: Int? = nil,
        errorMessage: String? = nil,
        dateCreated: String? = nil,
        dateUpdated: String? = nil,
        dateSent: String? = nil,
        apiVersion: String? = nil,
        uri: String? = nil,
        subresourceURIs: [String: String]? = nil
    ) {
        self.sid = sid
        self.accountSID = accountSID
        self.messagingServiceSID = messagingServiceSID
        self.from = from
        self.to = to
        self.body = body
        self.status = status
        self.direction = direction
        self.numSegments = numSegments
        self.numMedia = numMedia
        self.price = price
        self.priceUnit = priceUnit
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
        self.dateSent = dateSent
        self.apiVersion = apiVersion
        self.uri = uri
        self.subresourceURIs = subresourceURIs
    }
}
