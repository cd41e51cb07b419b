public import ProtoBridge

/// Which events to stream (`twilio.gateway.v1.SubscribeEventsRequest`).
public struct SubscribeEventsRequest: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.SubscribeEventsRequest"

    /// Only events of these types, such as `sms.inbound`; all types when empty.
    public var types: [String]

    /// Creates a request.
    public init(types: [String] = []) {
        self.types = types
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        types = try message.strings("types")
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(typeName: Self.protoTypeName, ["types": .list(types.map(ProtoValue.string))])
    }
}
