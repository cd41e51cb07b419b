internal import GatewayAPI
internal import GatewayStore
internal import RPCCore

extension RPCError {
    /// The status a failure of the event log becomes: UNAVAILABLE (retryable) when it is
    /// overloaded or closed, INVALID_ARGUMENT for a call it refused, INTERNAL when storage failed.
    init(_ error: EventLogError) {
        switch error.code {
        case .overloaded:
            self.init(
                code: .unavailable,
                message: "the event log is busy: \(error.message)",
                details: ErrorDetails(retryable: true)
            )
        case .closed:
            self.init(
                code: .unavailable,
                message: "the event log is closed: the gateway is shutting down",
                details: ErrorDetails(retryable: true)
            )
        case .invalidArgument:
            self.init(code: .invalidArgument, message: error.message)
        default:
            self.init(code: .internalError, message: "the event log failed: \(error.message)")
        }
    }

    /// Runs `body`, rethrowing an ``GatewayStore/EventLogError`` as the status it becomes.
    static func mappingEventLog<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as EventLogError {
            throw RPCError(error)
        }
    }
}
