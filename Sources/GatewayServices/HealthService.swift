public import GatewayAPI
public import RPCCore

/// The `twilio.gateway.v1.Health` service, shaped like gRPC's health protocol. It never calls
/// Twilio, so it measures the gateway itself.
public struct HealthService: Sendable {
    private let board: HealthStatusBoard

    /// Creates the service reporting from `board`.
    public init(board: HealthStatusBoard) {
        self.board = board
    }

    /// Adds the service's methods to `router`.
    public func register(in router: inout RPCRouter) {
        router.registerUnary(.healthCheck, HealthCheckRequest.self, check)
        router.registerServerStreaming(.healthWatch, HealthCheckRequest.self, watch)
    }

    /// Reports the status of one service.
    ///
    /// - Throws: NOT_FOUND when the gateway has no service of that name.
    public func check(_ request: HealthCheckRequest, context: RPCServerContext) async throws -> HealthCheckResponse {
        guard let status = board.status(of: request.service) else {
            throw RPCError(code: .notFound, message: "the gateway has no service named '\(request.service)'")
        }
        return HealthCheckResponse(status: status)
    }

    /// Streams the status of one service until the caller cancels.
    public func watch(
        _ request: HealthCheckRequest,
        context: RPCServerContext,
        writer: TypedResponseWriter<HealthCheckResponse>
    ) async throws {
        for await status in board.watch(request.service) {
            try await writer.write(HealthCheckResponse(status: status))
        }
    }
}
