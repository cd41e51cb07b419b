internal import GatewayAPI
internal import RPCCore

/// Checks that a request names everything Twilio needs before Twilio is called.
///
/// Presence is checked, and the shape of every value that goes to Twilio: numbers and other
/// addresses, SIDs, and the URLs Twilio will call (`RequestValidation+Shapes.swift`), so that
/// nothing malformed leaves the gateway. Whether a well-formed value is acceptable (a number
/// that exists, a sender the account owns, a body that is not empty) stays Twilio's to judge, so
/// that a caller sees Twilio's own error code. Shapes the gateway must understand itself (dates
/// it converts, JSON it builds) are checked too. Each service's checks live in
/// `RequestValidation+<Service>.swift`.
enum RequestValidation {
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
