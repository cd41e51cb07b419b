internal import GatewayAPI

extension CommandOutput {
    /// A started verification as one JSON object with its non-empty fields.
    static func json(_ verification: Verification) -> String {
        object([
            ("sid", text(verification.sid)), ("status", text(verification.status)), ("to", text(verification.to)),
            ("channel", text(verification.channel)), ("serviceSid", text(verification.serviceSID)),
            ("valid", verification.valid ? "true" : "false"), ("dateCreated", text(verification.dateCreated)),
        ])
    }

    /// A verification check as one JSON object with its non-empty fields.
    static func json(_ check: VerificationCheck) -> String {
        object([
            ("sid", text(check.sid)), ("status", text(check.status)), ("valid", check.valid ? "true" : "false"),
            ("to", text(check.to)), ("channel", text(check.channel)), ("serviceSid", text(check.serviceSID)),
        ])
    }
}
