public import ProtoBridge

/// Where a consumer stands after an acknowledgement (`twilio.gateway.v1.AckEventsResponse`).
public struct AckEventsResponse: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.AckEventsResponse"

    /// The consumer's acknowledged offset; it never moves back, so it may be larger than the
    /// offset just acknowledged.
    public var acknowledgedOffset: Int64

    /// Creates a response.
    public init(acknowledgedOffset: Int64 = 0) {
        self.acknowledgedOffset = acknowledgedOffset
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        acknowledgedOffset = try message.int("acknowledged_offset") ?? 0
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(typeName: Self.protoTypeName, ["acknowledged_offset": .int(acknowledgedOffset)])
    }
}
