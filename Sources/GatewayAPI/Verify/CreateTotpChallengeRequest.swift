public import ProtoBridge

/// A request to create a challenge for a TOTP factor (`twilio.gateway.v1.CreateTotpChallengeRequest`).
public struct CreateTotpChallengeRequest: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.CreateTotpChallengeRequest"

    /// The Verify Service SID (VA followed by 32 hex digits).
    public var serviceSID: String
    /// The identity the factor belongs to.
    public var identity: String
    /// The verified factor to challenge (YF followed by 32 hex digits).
    public var factorSID: String
    /// The code the authenticator app shows now, 3 to 8 digits; when "", the challenge stays
    /// pending for CheckTotpChallenge.
    public var code: String

    /// Creates a request.
    public init(serviceSID: String = "", identity: String = "", factorSID: String = "", code: String = "") {
        self.serviceSID = serviceSID
        self.identity = identity
        self.factorSID = factorSID
        self.code = code
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        serviceSID = try message.string("service_sid") ?? ""
        identity = try message.string("identity") ?? ""
        factorSID = try message.string("factor_sid") ?? ""
        code = try message.string("code") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "service_sid": .string(serviceSID), "identity": .string(identity), "factor_sid": .string(factorSID),
                "code": .string(code),
            ]
        )
    }
}
