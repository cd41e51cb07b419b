internal import GatewayAPI

/// The Verify requests' checks. Every value that goes into a Twilio path (the service, the
/// verification, factor and challenge SIDs, and the identity) is checked for its shape, so no
/// request can reach another resource than the one it names.
extension RequestValidation {
    /// The shortest and longest identity Twilio accepts.
    static let identityLengths = 8...64

    /// The channels StartVerification accepts, spelled as Twilio spells them.
    static let verificationChannels = ["sms", "call", "email", "whatsapp"]
    /// The TOTP hashes CreateTotpFactor accepts besides "" (Twilio's default).
    static let totpAlgorithms = ["sha1", "sha256", "sha512"]

    static func validate(_ request: StartVerificationRequest) throws {
        var violations = sid("service_sid", request.serviceSID, prefix: "VA")
        violations +=
            request.channel == "email" ? emailViolations("to", request.to) : phoneNumberViolations("to", request.to)
        let channels = verificationChannels.joined(separator: ", ")
        if !verificationChannels.contains(request.channel) {
            let given = request.channel.isEmpty ? "none was given" : "'\(request.channel)' is not one of them"
            violations.append(
                FieldViolation(field: "channel", description: "the channel must be one of \(channels); \(given)")
            )
        }
        if request.channelConfiguration != nil, request.channel != "email" {
            violations.append(
                FieldViolation(
                    field: "channel_configuration",
                    description: "only the email channel takes a channel_configuration"
                )
            )
        }
        try throwIfAny(violations)
    }

    static func validate(_ request: CheckVerificationRequest) throws {
        var violations = sid("service_sid", request.serviceSID, prefix: "VA")
        switch request.target {
        case nil:
            violations.append(
                FieldViolation(field: "target", description: "exactly one of to or verification_sid is required")
            )
        case .verificationSID(let verificationSID):
            violations += sid("verification_sid", verificationSID, prefix: "VE")
        case .to(let to) where to.contains("@"):
            violations += emailViolations("to", to)
        case .to(let to):
            violations += phoneNumberViolations("to", to)
        }
        violations += required(["code": request.code])
        try throwIfAny(violations)
    }

    static func validate(serviceSID: String, sid verificationSID: String) throws {
        try throwIfAny(sid("service_sid", serviceSID, prefix: "VA") + sid("sid", verificationSID, prefix: "VE"))
    }

    static func validate(_ request: CreateTotpFactorRequest) throws {
        var violations =
            sid("service_sid", request.serviceSID, prefix: "VA") + identity(request.identity)
            + required(["friendly_name": request.friendlyName])
        if !request.algorithm.isEmpty, !totpAlgorithms.contains(request.algorithm) {
            violations.append(
                FieldViolation(
                    field: "algorithm",
                    description: "the algorithm must be one of \(totpAlgorithms.joined(separator: ", ")), "
                        + "or empty for sha1; '\(request.algorithm)' is not one of them"
                )
            )
        }
        try throwIfAny(violations)
    }

    static func validate(_ request: VerifyTotpFactorRequest) throws {
        try throwIfAny(
            sid("service_sid", request.serviceSID, prefix: "VA") + identity(request.identity)
                + sid("factor_sid", request.factorSID, prefix: "YF") + required(["code": request.code])
        )
    }

    static func validate(_ request: CreateTotpChallengeRequest) throws {
        try throwIfAny(
            sid("service_sid", request.serviceSID, prefix: "VA") + identity(request.identity)
                + sid("factor_sid", request.factorSID, prefix: "YF")
        )
    }

    static func validate(_ request: CheckTotpChallengeRequest) throws {
        try throwIfAny(
            sid("service_sid", request.serviceSID, prefix: "VA") + identity(request.identity)
                + sid("challenge_sid", request.challengeSID, prefix: "YC") + required(["code": request.code])
        )
    }

    /// A violation when `value` is not `prefix` followed by 32 hex digits.
    private static func sid(_ field: String, _ value: String, prefix: String) -> [FieldViolation] {
        guard !TwilioSID.isValid(value, prefix: prefix) else {
            return []
        }
        let shape = "\(prefix) followed by 32 hex digits"
        let description = value.isEmpty ? "\(field) is required: \(shape)" : "must be \(shape)"
        return [FieldViolation(field: field, description: description)]
    }

    /// A violation when `identity` is not what Twilio takes for an entity: 8 to 64 ASCII letters,
    /// digits and dashes, such as a UUID.
    private static func identity(_ identity: String) -> [FieldViolation] {
        let isAllowed = identity.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: "-")
        }
        guard !isAllowed || !identityLengths.contains(identity.utf8.count) else {
            return []
        }
        let shape = "8 to 64 letters, digits and dashes, such as a UUID"
        let description = identity.isEmpty ? "identity is required: \(shape)" : "must be \(shape)"
        return [FieldViolation(field: "identity", description: description)]
    }

    /// A violation for each field of `fields` that is empty, in the order given.
    private static func required(_ fields: KeyValuePairs<String, String>) -> [FieldViolation] {
        fields.filter { $0.value.isEmpty }.map { field in
            FieldViolation(field: field.key, description: "\(field.key) is required")
        }
    }
}
