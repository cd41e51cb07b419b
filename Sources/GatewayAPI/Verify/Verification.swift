public import ProtoBridge

/// A verification as Twilio reports it (`twilio.gateway.v1.Verification`).
public struct Verification: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.Verification"

    /// The verification SID (VE followed by 32 hex digits).
    public var sid: String
    /// The status: pending, approved, canceled, max_attempts_reached, expired or failed.
    public var status: String
    /// The phone number or email address being verified.
    public var to: String
    /// The channel the code was sent on.
    public var channel: String
    /// The Verify Service SID.
    public var serviceSID: String
    /// Whether the verification has been approved.
    public var valid: Bool

    /// Creates a verification.
    public init(
        sid: String = "",
        status: String = "",
        to: String = "",
        channel: String = "",
        serviceSID: String = "",
        valid: Bool = false
    ) {
        self.sid = sid
        self.status = status
        self.to = to
        self.channel = channel
        self.serviceSID = serviceSID
        self.valid = valid
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        sid = try message.string("sid") ?? ""
        status = try message.string("status") ?? ""
        to = try message.string("to") ?? ""
        channel = try message.string("channel") ?? ""
        serviceSID = try message.string("service_sid") ?? ""
        valid = try message.bool("valid") ?? false
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "sid": .string(sid), "status": .string(status), "to": .string(to), "channel": .string(channel),
                "service_sid": .string(serviceSID), "valid": .bool(valid),
            ]
        )
    }
}
