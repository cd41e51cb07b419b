public import ProtoBridge

/// A message as Twilio reports it (`twilio.gateway.v1.Message`).
public struct Message: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.Message"

    /// The message SID (SM or MM followed by 32 hex digits).
    public var sid: String
    /// The status as Twilio spells it, such as `queued` or `delivered`.
    public var status: String
    /// The recipient.
    public var to: String
    /// The sender; empty while a Messaging Service has not chosen one.
    public var from: String
    /// The text of the message.
    public var body: String
    /// The account that owns the message.
    public var accountSID: String
    /// The Messaging Service used, or "".
    public var messagingServiceSID: String
    /// The direction: inbound, outbound-api, outbound-call or outbound-reply.
    public var direction: String
    /// How many segments the body was split into.
    public var numSegments: Int32
    /// How many media items are attached.
    public var numMedia: Int32
    /// Twilio's error code for a failed or undelivered message, 0 otherwise.
    public var errorCode: Int32
    /// Twilio's error message for a failed or undelivered message.
    public var errorMessage: String
    /// When Twilio created the message, as RFC 3339 UTC.
    public var dateCreated: String
    /// When Twilio last updated the message, as RFC 3339 UTC.
    public var dateUpdated: String
    /// When Twilio sent the message, as RFC 3339 UTC; empty before that.
    public var dateSent: String

    /// Creates a message.
    public init(
        sid: String = "",
        status: String = "",
        to: String = "",
        from: String = "",
        body: String = "",
        accountSID: String = "",
        messagingServiceSID: String = "",
        direction: String = "",
        numSegments: Int32 = 0,
        numMedia: Int32 = 0,
        errorCode: Int32 = 0,
        errorMessage: String = "",
        dateCreated: String = "",
        dateUpdated: String = "",
        dateSent: String = ""
    ) {
        self.sid = sid
        self.status = status
        self.to = to
        self.from = from
        self.body = body
        self.accountSID = accountSID
        self.messagingServiceSID = messagingServiceSID
        self.direction = direction
        self.numSegments = numSegments
        self.numMedia = numMedia
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
        self.dateSent = dateSent
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        sid = try message.string("sid") ?? ""
        status = try message.string("status") ?? ""
        to = try message.string("to") ?? ""
        from = try message.string("from") ?? ""
        body = try message.string("body") ?? ""
        accountSID = try message.string("account_sid") ?? ""
        messagingServiceSID = try message.string("messaging_service_sid") ?? ""
        direction = try message.string("direction") ?? ""
        numSegments = try message.int32("num_segments") ?? 0
        numMedia = try message.int32("num_media") ?? 0
        errorCode = try message.int32("error_code") ?? 0
        errorMessage = try message.string("error_message") ?? ""
        dateCreated = try message.string("date_created") ?? ""
        dateUpdated = try message.string("date_updated") ?? ""
        dateSent = try message.string("date_sent") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "sid": .string(sid), "status": .string(status), "to": .string(to), "from": .string(from),
                "body": .string(body), "account_sid": .string(accountSID),
                "messaging_service_sid": .string(messagingServiceSID), "direction": .string(direction),
                "num_segments": .int(Int64(numSegments)), "num_media": .int(Int64(numMedia)),
                "error_code": .int(Int64(errorCode)), "error_message": .string(errorMessage),
                "date_created": .string(dateCreated), "date_updated": .string(dateUpdated),
                "date_sent": .string(dateSent),
            ]
        )
    }
}
