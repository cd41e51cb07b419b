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
    /// The channel the code was last sent on.
    public var channel: String
    /// The Verify Service SID.
    public var serviceSID: String
    /// Whether the verification has been approved.
    public var valid: Bool
    /// The account that owns the verification.
    public var accountSID: String
    /// Each time the code was sent, oldest first.
    public var sendCodeAttempts: [VerificationSendAttempt]
    /// When Twilio created the verification, as RFC 3339 UTC.
    public var dateCreated: String
    /// When Twilio last updated the verification, as RFC 3339 UTC.
    public var dateUpdated: String

    /// Creates a verification.
    public init(
        sid: String = "",
        status: String = "",
        to: String = "",
        channel: String = "",
        serviceSID: String = "",
        valid: Bool = false,
        accountSID: String = "",
        sendCodeAttempts: [VerificationSendAttempt] = [],
        dateCreated: String = "",
        dateUpdated: String = ""
    ) {
        self.sid = sid
        self.status = status
        self.to = to
        self.channel = channel
        self.serviceSID = serviceSID
        self.valid = valid
        self.accountSID = accountSID
        self.sendCodeAttempts = sendCodeAttempts
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        sid = try message.string("sid") ?? ""
        status = try message.string("status") ?? ""
        to = try message.string("to") ?? ""
        channel = try message.string("channel") ?? ""
        serviceSID = try message.string("service_sid") ?? ""
        valid = try message.bool("valid") ?? false
        accountSID = try message.string("account_sid") ?? ""
        sendCodeAttempts = try message.messages("send_code_attempts").map(VerificationSendAttempt.init)
        dateCreated = try message.string("date_created") ?? ""
        dateUpdated = try message.string("date_updated") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "sid": .string(sid), "status": .string(status), "to": .string(to), "channel": .string(channel),
                "service_sid": .string(serviceSID), "valid": .bool(valid), "account_sid": .string(accountSID),
                "send_code_attempts": .list(sendCodeAttempts.map { .message($0.protoMessage) }),
                "date_created": .string(dateCreated), "date_updated": .string(dateUpdated),
            ]
        )
    }
}
