public import ProtoBridge

/// A TOTP factor as Twilio reports it (`twilio.gateway.v1.TotpFactor`).
public struct TotpFactor: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.TotpFactor"

    /// The factor SID (YF followed by 32 hex digits).
    public var sid: String
    /// `unverified` until a first code was accepted, then `verified`.
    public var status: String
    /// The identity the factor belongs to.
    public var identity: String
    /// The entity SID of the identity (YE followed by 32 hex digits).
    public var entitySID: String
    /// The factor's name.
    public var friendlyName: String
    /// The Verify Service SID.
    public var serviceSID: String
    /// The account that owns the factor.
    public var accountSID: String
    /// The Base32 shared secret; only when the factor was just created. Keep it secret.
    public var bindingSecret: String
    /// The `otpauth://` URI holding the secret; only when the factor was just created.
    public var bindingURI: String
    /// Seconds each code is valid for.
    public var timeStep: Int32
    /// How many time steps before and after now are accepted.
    public var skew: Int32
    /// Digits per code.
    public var codeLength: Int32
    /// The HMAC hash: `sha1`, `sha256` or `sha512`.
    public var algorithm: String
    /// When Twilio created the factor, as RFC 3339 UTC.
    public var dateCreated: String
    /// When Twilio last updated the factor, as RFC 3339 UTC.
    public var dateUpdated: String

    /// Creates a factor.
    public init(
        sid: String = "",
        status: String = "",
        identity: String = "",
        entitySID: String = "",
        friendlyName: String = "",
        serviceSID: String = "",
        accountSID: String = "",
        bindingSecret: String = "",
        bindingURI: String = "",
        timeStep: Int32 = 0,
        skew: Int32 = 0,
        codeLength: Int32 = 0,
        algorithm: String = "",
        dateCreated: String = "",
        dateUpdated: String = ""
    ) {
        self.sid = sid
        self.status = status
        self.identity = identity
        self.entitySID = entitySID
        self.friendlyName = friendlyName
        self.serviceSID = serviceSID
        self.accountSID = accountSID
        self.bindingSecret = bindingSecret
        self.bindingURI = bindingURI
        self.timeStep = timeStep
        self.skew = skew
        self.codeLength = codeLength
        self.algorithm = algorithm
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        sid = try message.string("sid") ?? ""
        status = try message.string("status") ?? ""
        identity = try message.string("identity") ?? ""
        entitySID = try message.string("entity_sid") ?? ""
        friendlyName = try message.string("friendly_name") ?? ""
        serviceSID = try message.string("service_sid") ?? ""
        accountSID = try message.string("account_sid") ?? ""
        bindingSecret = try message.string("binding_secret") ?? ""
        bindingURI = try message.string("binding_uri") ?? ""
        timeStep = try message.int32("time_step") ?? 0
        skew = try message.int32("skew") ?? 0
        codeLength = try message.int32("code_length") ?? 0
        algorithm = try message.string("algorithm") ?? ""
        dateCreated = try message.string("date_created") ?? ""
        dateUpdated = try message.string("date_updated") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "sid": .string(sid), "status": .string(status), "identity": .string(identity),
                "entity_sid": .string(entitySID), "friendly_name": .string(friendlyName),
                "service_sid": .string(serviceSID), "account_sid": .string(accountSID),
                "binding_secret": .string(bindingSecret), "binding_uri": .string(bindingURI),
                "time_step": .int(Int64(timeStep)), "skew": .int(Int64(skew)), "code_length": .int(Int64(codeLength)),
                "algorithm": .string(algorithm), "date_created": .string(dateCreated),
                "date_updated": .string(dateUpdated),
            ]
        )
    }
}
