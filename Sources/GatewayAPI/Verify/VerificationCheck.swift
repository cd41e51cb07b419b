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
    /// The Verify Service SID.
    public var serviceSID: String
    /// The account that owns the verification.
    public var accountSID: String
    /// When Twilio created the verification, as RFC 3339 UTC.
    public var dateCreated: String
    /// When Twilio last updated the verification, as RFC 3339 UTC.
    public var dateUpdated: String

    /// Creates a result.
    public init(
        sid: String = "",
        status: String = "",
        valid: Bool = false,
        to: String = "",
        channel: String = "",
        serviceSID: String = "",
        accountSID: String = "",
        dateCreated: String = "",
        dateUpdated: String = ""
    ) {
        self.sid = sid
        self.status = status
        self.valid = valid
        self.to = to
        self.channel = channel
        self.serviceSID = serviceSID
        self.accountSID = accountSID
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        sid = try message.string("sid") ?? ""
        status = try message.string("status") ?? ""
        valid = try message.bool("valid") ?? false
        to = try message.string("to") ?? ""
        channel = try message.string("channel") ?? ""
        serviceSID = try message.string("service_sid") ?? ""
        accountSID = try message.string("account_sid") ?? ""
        dateCreated = try message.string("date_created") ?? ""
        dateUpdated = try message.string("date_updated") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "sid": .string(sid), "status": .string(status), "valid": .bool(valid), "to": .string(to),
                "channel": .string(channel), "service_sid": .string(serviceSID), "account_sid": .string(accountSID),
                "date_created": .string(dateCreated), "date_updated": .string(dateUpdated),
            ]
        )
    }
}
