internal import GatewayAPI
internal import RPCCore

/// Checks that a request names everything Twilio needs before Twilio is called.
///
/// Mostly presence is checked; the values themselves are Twilio's to judge, so that a caller
/// sees Twilio's own error code (21211 for a bad number, 21602 for a missing body). Shapes the
/// gateway must understand itself (SIDs it puts in a path, dates it converts, JSON it builds)
/// are checked too. Each service's checks live in `RequestValidation+<Service>.swift`.
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
