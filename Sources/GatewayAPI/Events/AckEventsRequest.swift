public import ProtoBridge

/// A consumer's progress to record (`twilio.gateway.v1.AckEventsRequest`).
public struct AckEventsRequest: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.AckEventsRequest"

    /// The durable consumer name given to SubscribeEvents.
    public var consumer: String
    /// Every event up to and including this offset has been processed.
    public var offset: Int64

    /// Creates a request.
    public init(consumer: String = "", offset: Int64 = 0) {
        self.consumer = consumer
        self.offset = offset
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        consumer = try message.string("consumer") ?? ""
        offset = try message.int("offset") ?? 0
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(typeName: Self.protoTypeName, ["consumer": .string(consumer), "offset": .int(offset)])
    }
}
