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
    /// When Twilio last updated the call, as RFC 3339 UTC.
    public var dateUpdated: String
    /// When Twilio started dialling the call, as RFC 3339 UTC; "" until then.
    public var startTime: String
    /// When the call ended, as RFC 3339 UTC; "" until then.
    public var endTime: String
    /// How long the call lasted in seconds, once it ended after being answered.
    public var duration: Int32
    /// Who answered, with machine detection (`human`, `machine_start`, ...); "" otherwise.
    public var answeredBy: String
    /// The called party formatted for display, such as `(415) 555-0100`.
    public var toFormatted: String
    /// The caller ID formatted for display.
    public var fromFormatted: String
    /// The price Twilio charged, such as `-0.03000`, once known.
    public var price: String
    /// The currency of ``price``, such as `USD`.
    public var priceUnit: String
    /// The call that created this one, for a leg made by `<Dial>`.
    public var parentCallSID: String

    /// Creates a call.
    public init(
        sid: String = "",
        status: String = "",
        to: String = "",
        from: String = "",
        accountSID: String = "",
        direction: String = "",
        dateCreated: String = "",
        dateUpdated: String = "",
        startTime: String = "",
        endTime: String = "",
        duration: Int32 = 0,
        answeredBy: String = "",
        toFormatted: String = "",
        fromFormatted: String = "",
        price: String = "",
        priceUnit: String = "",
        parentCallSID: String = ""
    ) {
        self.sid = sid
        self.status = status
        self.to = to
        self.from = from
        self.accountSID = accountSID
        self.direction = direction
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
        self.startTime = startTime
        self.endTime = endTime
        self.duration = duration
        self.answeredBy = answeredBy
        self.toFormatted = toFormatted
        self.fromFormatted = fromFormatted
        self.price = price
        self.priceUnit = priceUnit
        self.parentCallSID = parentCallSID
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
        dateUpdated = try message.string("date_updated") ?? ""
        startTime = try message.string("start_time") ?? ""
        endTime = try message.string("end_time") ?? ""
        duration = try message.int32("duration") ?? 0
        answeredBy = try message.string("answered_by") ?? ""
        toFormatted = try message.string("to_formatted") ?? ""
        fromFormatted = try message.string("from_formatted") ?? ""
        price = try message.string("price") ?? ""
        priceUnit = try message.string("price_unit") ?? ""
        parentCallSID = try message.string("parent_call_sid") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "sid": .string(sid), "status": .string(status), "to": .string(to), "from": .string(from),
                "account_sid": .string(accountSID), "direction": .string(direction),
                "date_created": .string(dateCreated), "date_updated": .string(dateUpdated),
                "start_time": .string(startTime), "end_time": .string(endTime), "duration": .int(Int64(duration)),
                "answered_by": .string(answeredBy), "to_formatted": .string(toFormatted),
                "from_formatted": .string(fromFormatted), "price": .string(price), "price_unit": .string(priceUnit),
                "parent_call_sid": .string(parentCallSID),
            ]
        )
    }
}
