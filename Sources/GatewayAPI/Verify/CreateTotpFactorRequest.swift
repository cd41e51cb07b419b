public import ProtoBridge

/// A request to create a TOTP factor (`twilio.gateway.v1.CreateTotpFactorRequest`).
///
/// Zero, empty and `nil` settings leave the choice to Twilio: 30-second steps, a skew of 1,
/// 6 digits and SHA-1.
public struct CreateTotpFactorRequest: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.CreateTotpFactorRequest"

    /// The Verify Service SID (VA followed by 32 hex digits).
    public var serviceSID: String
    /// Your identifier of the user: 8 to 64 letters, digits and dashes, without personal data.
    public var identity: String
    /// The factor's name, up to 64 characters; authenticator apps show it as the account name.
    public var friendlyName: String
    /// Seconds each code is valid for, 20 to 60, or 0.
    public var timeStep: Int32
    /// How many time steps before and after now are accepted, 0 to 2, or `nil` (the
    /// `custom_skew` oneof).
    public var skew: Int32?
    /// Digits per code, 3 to 8, or 0.
    public var codeLength: Int32
    /// The HMAC hash, `sha1`, `sha256` or `sha512`, or "".
    public var algorithm: String

    /// Creates a request.
    public init(
        serviceSID: String = "",
        identity: String = "",
        friendlyName: String = "",
        timeStep: Int32 = 0,
        skew: Int32? = nil,
        codeLength: Int32 = 0,
        algorithm: String = ""
    ) {
        self.serviceSID = serviceSID
        self.identity = identity
        self.friendlyName = friendlyName
        self.timeStep = timeStep
        self.skew = skew
        self.codeLength = codeLength
        self.algorithm = algorithm
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        serviceSID = try message.string("service_sid") ?? ""
        identity = try message.string("identity") ?? ""
        friendlyName = try message.string("friendly_name") ?? ""
        timeStep = try message.int32("time_step") ?? 0
        skew = try message.int32("skew")
        codeLength = try message.int32("code_length") ?? 0
        algorithm = try message.string("algorithm") ?? ""
    }

    public var protoMessage: ProtoMessage {
        var message = ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "service_sid": .string(serviceSID), "identity": .string(identity),
                "friendly_name": .string(friendlyName), "time_step": .int(Int64(timeStep)),
                "code_length": .int(Int64(codeLength)), "algorithm": .string(algorithm),
            ]
        )
        message["skew"] = skew.map { .int(Int64($0)) }

        return message
    }
}
