internal import GatewayAPI

extension RequestValidation {
    /// The channels StartVerification accepts, spelled as Twilio spells them.
    static let verificationChannels = ["sms", "call", "email", "whatsapp"]
    /// The TOTP hashes CreateTotpFactor accepts besides "" (Twilio's default).
    static let totpAlgorithms = ["sha1", "sha256", "sha512"]

    static func validate(_ request: StartVerificationRequest) throws {
        var violations = required(["service_sid": request.serviceSID, "to": request.to])
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
        var violations = required(["service_sid": request.serviceSID])
        if request.target == nil {
            violations.append(
                FieldViolation(field: "target", description: "exactly one of to or verification_sid is required")
            )
        }
        violations += required(["code": request.code])
        try throwIfAny(violations)
    }

    static func validate(serviceSID: String, sid: String) throws {
        try throwIfAny(required(["service_sid": serviceSID, "sid": sid]))
    }

    static func validate(_ request: CreateTotpFactorRequest) throws {
        var violations = required([
            "service_sid": request.serviceSID, "identity": request.identity, "friendly_name": request.friendlyName,
        ])
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
            required([
                "service_sid": request.serviceSID, "identity": request.identity, "factor_sid": request.factorSID,
                "code": request.code,
            ])
        )
    }

    static func validate(_ request: CreateTotpChallengeRequest) throws {
        try throwIfAny(
            required([
                "service_sid": request.serviceSID, "identity": request.identity, "factor_sid": request.factorSID,
            ])
        )
    }

    static func validate(_ request: CheckTotpChallengeRequest) throws {
        try throwIfAny(
            required([
                "service_sid": request.serviceSID, "identity": request.identity,
                "challenge_sid": request.challengeSID, "code": request.code,
            ])
        )
    }

    /// A violation for each field of `fields` that is empty, in the order given.
    private static func required(_ fields: KeyValuePairs<String, String>) -> [FieldViolation] {
        fields.filter { $0.value.isEmpty }.map { field in
            FieldViolation(field: field.key, description: "\(field.key) is required")
        }
    }
}
