public import ProtoBridge

/// The result of checking a verification code (`twilio.gateway.v1.VerificationCheck`).
public struct VerificationCheck: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.VerificationCheck"

    /// The verification SID.
    public var sid: String
    /// The status after the check: approved when the code was right, pending otherwise.
    public var status: String
    /// Whether the code was right.
    public var valid: Bool
    /// The phone number or email address being verified.
    public var to: String
    /// The channel the code was sent on.
    public var channel: String

    /// Creates a result.
    public init(sid: String = "", status: String = "", valid: Bool = false, to: String = "", channel: String = "") {
        self.sid = sid
        self.status = status
        self.valid = valid
        self.to = to
        self.channel = channel
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        sid = try message.string("sid") ?? ""
        status = try message.string("status") ?? ""
        valid = try message.bool("valid") ?? false
        to = try message.string("to") ?? ""
        channel = try message.string("channel") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "sid": .string(sid), "status": .string(status), "valid": .bool(valid), "to": .string(to),
                "channel": .string(channel),
            ]
        )
    }
}
