public import ProtoBridge

/// The TwiML went back to Twilio's waiting webhook request (`twilio.gateway.v1.WebhookReply`).
///
/// When no request waits for the SID, RespondToCall and ReplyToMessage fail with
/// FAILED_PRECONDITION instead.
public struct WebhookReply: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.WebhookReply"

    /// The call or message SID that was answered.
    public var sid: String

    /// Creates a reply.
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
