public import ProtoBridge

/// A request to check another code against a pending TOTP challenge
/// (`twilio.gateway.v1.CheckTotpChallengeRequest`).
public struct CheckTotpChallengeRequest: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.CheckTotpChallengeRequest"

    /// The Verify Service SID (VA followed by 32 hex digits).
    public var serviceSID: String
    /// The identity the challenge belongs to.
    public var identity: String
    /// The challenge SID (YC followed by 32 hex digits).
    public var challengeSID: String
    /// The code the authenticator app shows now, 3 to 8 digits.
    public var code: String

    /// Creates a request.
    public init(serviceSID: String = "", identity: String = "", challengeSID: String = "", code: String = "") {
        self.serviceSID = serviceSID
        self.identity = identity
        self.challengeSID = challengeSID
        self.code = code
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        serviceSID = try message.string("service_sid") ?? ""
        identity = try message.string("identity") ?? ""
        challengeSID = try message.string("challenge_sid") ?? ""
        code = try message.string("code") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "service_sid": .string(serviceSID), "identity": .string(identity),
                "challenge_sid": .string(challengeSID),
                "code": .string(code),
            ]
        )
    }
}
