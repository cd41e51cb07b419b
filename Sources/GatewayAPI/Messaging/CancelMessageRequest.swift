public import ProtoBridge

/// A request to cancel one scheduled message (`twilio.gateway.v1.CancelMessageRequest`).
public struct CancelMessageRequest: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.CancelMessageRequest"

    /// The message SID: `SM` or `MM` followed by 32 hex digits.
    public var sid: String

    /// Creates a request.
    public init(sid: String = "") {
        self.sid = sid
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        sid = try message.string("sid") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(typeName: Self.protoTypeName, ["sid": .string(sid)])
    }
}
