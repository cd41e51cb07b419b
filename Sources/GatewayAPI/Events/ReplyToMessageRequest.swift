public import ProtoBridge

/// The TwiML reply to a waiting inbound message (`twilio.gateway.v1.ReplyToMessageRequest`).
public struct ReplyToMessageRequest: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.ReplyToMessageRequest"

    /// The SID of the inbound message (SM or MM followed by 32 hex digits).
    public var messageSID: String
    /// The TwiML document returned to Twilio, at most 64 KiB.
    public var twiml: String

    /// Creates a request.
    public init(messageSID: String = "", twiml: String = "") {
        self.messageSID = messageSID
        self.twiml = twiml
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        messageSID = try message.string("message_sid") ?? ""
        twiml = try message.string("twiml") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(typeName: Self.protoTypeName, ["message_sid": .string(messageSID), "twiml": .string(twiml)])
    }
}
