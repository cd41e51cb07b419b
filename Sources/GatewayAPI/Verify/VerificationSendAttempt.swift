public import ProtoBridge

/// One time a verification code was sent (`twilio.gateway.v1.VerificationSendAttempt`).
public struct VerificationSendAttempt: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.VerificationSendAttempt"

    /// The attempt SID (VL followed by 32 hex digits).
    public var attemptSID: String
    /// The channel of this attempt as Twilio reports it, such as `SMS` or `email`.
    public var channel: String
    /// When the code was sent, as RFC 3339 UTC.
    public var time: String

    /// Creates an attempt.
    public init(attemptSID: String = "", channel: String = "", time: String = "") {
        self.attemptSID = attemptSID
        self.channel = channel
        self.time = time
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        attemptSID = try message.string("attempt_sid") ?? ""
        channel = try message.string("channel") ?? ""
        time = try message.string("time") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            ["attempt_sid": .string(attemptSID), "channel": .string(channel), "time": .string(time)]
        )
    }
}
