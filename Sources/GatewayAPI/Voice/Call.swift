public import ProtoBridge

/// A call as Twilio reports it (`twilio.gateway.v1.Call`).
public struct Call: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.Call"

    /// The call SID (CA followed by 32 hex digits).
    public var sid: String
    /// The status as Twilio spells it, such as `queued` or `in-progress`.
    public var status: String
    /// The called party.
    public var to: String
    /// The caller ID used.
    public var from: String
    /// The account that owns the call.
    public var accountSID: String
    /// The direction: inbound, outbound-api or outbound-dial.
    public var direction: String
    /// When Twilio created the call, as RFC 3339 UTC.
    public var dateCreated: String

    /// Creates a call.
    public init(
        sid: String = "",
        status: String = "",
        to: String = "",
        from: String = "",
        accountSID: String = "",
        direction: String = "",
        dateCreated: String = ""
    ) {
        self.sid = sid
        self.status = status
        self.to = to
        self.from = from
        self.accountSID = accountSID
        self.direction = direction
        self.dateCreated = dateCreated
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        sid = try message.string("sid") ?? ""
        status = try message.string("status") ?? ""
        to = try message.string("to") ?? ""
        from = try message.string("from") ?? ""
        accountSID = try message.string("account_sid") ?? ""
        direction = try message.string("direction") ?? ""
        dateCreated = try message.string("date_created") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "sid": .string(sid), "status": .string(status), "to": .string(to), "from": .string(from),
                "account_sid": .string(accountSID), "direction": .string(direction),
                "date_created": .string(dateCreated),
            ]
        )
    }
}
