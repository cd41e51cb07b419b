public import ProtoBridge

/// Which stored events to list (`twilio.gateway.v1.ListEventsRequest`).
public struct ListEventsRequest: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.ListEventsRequest"

    /// Only events of these types; all types when empty.
    public var types: [String]
    /// Only events whose From or To is this number, in E.164 format; "" for any.
    public var phoneNumber: String
    /// Only events about this message or call SID; "" for any.
    public var sid: String
    /// Only events with an offset below this one, to page back through the history; the
    /// newest events when 0.
    public var beforeOffset: Int64
    /// How many events at most, 1 to 1000; 50 when 0.
    public var limit: Int32

    /// Creates a request.
    public init(
        types: [String] = [],
        phoneNumber: String = "",
        sid: String = "",
        beforeOffset: Int64 = 0,
        limit: Int32 = 0
    ) {
        self.types = types
        self.phoneNumber = phoneNumber
        self.sid = sid
        self.beforeOffset = beforeOffset
        self.limit = limit
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        types = try message.strings("types")
        phoneNumber = try message.string("phone_number") ?? ""
        sid = try message.string("sid") ?? ""
        beforeOffset = try message.int("before_offset") ?? 0
        limit = try message.int32("limit") ?? 0
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "types": .list(types.map(ProtoValue.string)), "phone_number": .string(phoneNumber),
                "sid": .string(sid), "before_offset": .int(beforeOffset), "limit": .int(Int64(limit)),
            ]
        )
    }
}
