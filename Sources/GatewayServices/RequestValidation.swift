internal import GatewayAPI
internal import RPCCore

/// Checks that a request names everything Twilio needs before Twilio is called.
///
/// Only presence is checked here; the values themselves are Twilio's to judge, so that a
/// caller sees Twilio's own error code (21211 for a bad number, 21602 for a missing body).
enum RequestValidation {
    static func validate(_ request: SendSmsRequest) throws {
        var violations: [FieldViolation] = []
        if request.to.isEmpty {
            violations.append(FieldViolation(field: "to", description: "the recipient is required, in E.164 format"))
        }
        if request.sender == nil {
            violations.append(
                FieldViolation(
                    field: "sender",
                    description: "exactly one of from or messaging_service_sid is required"
                )
            )
        }
        try throwIfAny(violations)
    }

    /// Throws INVALID_ARGUMENT listing `violations`, unless there are none.
    static func throwIfAny(_ violations: [FieldViolation]) throws {
        guard !violations.isEmpty else {
            return
        }
        let summary = violations.map { "\($0.field): \($0.description)" }.joined(separator: "; ")
        throw RPCError(
            code: .invalidArgument,
            message: "invalid request: \(summary)",
            details: ErrorDetails(fieldViolations: violations)
        )
    }
}
