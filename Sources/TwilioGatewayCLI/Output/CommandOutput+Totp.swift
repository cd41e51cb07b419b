internal import GatewayAPI

extension CommandOutput {
    /// A TOTP factor as one JSON object with its non-empty fields; a new factor's carries its
    /// secret and otpauth URI.
    static func json(_ factor: TotpFactor) -> String {
        object([
            ("sid", text(factor.sid)), ("status", text(factor.status)), ("identity", text(factor.identity)),
            ("entitySid", text(factor.entitySID)), ("friendlyName", text(factor.friendlyName)),
            ("serviceSid", text(factor.serviceSID)), ("bindingSecret", text(factor.bindingSecret)),
            ("bindingUri", text(factor.bindingURI)), ("timeStep", number(factor.timeStep)),
            ("skew", String(factor.skew)), ("codeLength", number(factor.codeLength)),
            ("algorithm", text(factor.algorithm)), ("dateCreated", text(factor.dateCreated)),
            ("dateUpdated", text(factor.dateUpdated)),
        ])
    }

    /// A TOTP challenge as one JSON object with its non-empty fields.
    static func json(_ challenge: TotpChallenge) -> String {
        object([
            ("sid", text(challenge.sid)), ("status", text(challenge.status)),
            ("respondedReason", text(challenge.respondedReason)), ("factorSid", text(challenge.factorSID)),
            ("identity", text(challenge.identity)), ("entitySid", text(challenge.entitySID)),
            ("serviceSid", text(challenge.serviceSID)), ("dateCreated", text(challenge.dateCreated)),
            ("dateResponded", text(challenge.dateResponded)), ("expirationDate", text(challenge.expirationDate)),
        ])
    }

    /// A JSON number, or `nil` for 0 (proto3 leaves unset numbers 0).
    private static func number(_ value: Int32) -> String? {
        value == 0 ? nil : String(value)
    }
}
