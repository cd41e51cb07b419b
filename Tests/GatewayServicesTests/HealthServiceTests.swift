import GatewayAPI
import GatewayServices
import ProtoBridge
import RPCCore
import ServiceSupport
import Testing

@Suite("Health service")
struct HealthServiceTests {
    private func makeTransport(_ board: HealthStatusBoard) -> InProcessTransport {
        var router = RPCRouter()
        HealthService(board: board).register(in: &router)
        return InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
    }

    @Test("Check reports SERVING for the gateway and its services, NOT_FOUND for others")
    func check() async throws {
        let transport = makeTransport(HealthStatusBoard(services: ["twilio.gateway.v1.Messaging"]))
        for service in ["", "twilio.gateway.v1.Messaging"] {
            let bytes = try await transport.unary(
                .healthCheck,
                request: try HealthCheckRequest(service: service).serializedBytes(),
                options: .init()
            )
            #expect(try HealthCheckResponse(serializedBytes: bytes).status == .serving)
        }
        let error = await #expect(throws: RPCError.self) {
            _ = try await transport.unary(
                .healthCheck,
                request: try HealthCheckRequest(service: "nope").serializedBytes(),
                options: .init()
            )
        }
        #expect(error?.code == .notFound)
    }

    @Test("Watch sends the current status, then each change")
    func watch() async throws {
        let board = HealthStatusBoard(services: [])
        let transport = makeTransport(board)
        let stream = transport.serverStreaming(
            .healthWatch,
            request: try HealthCheckRequest().serializedBytes(),
            options: .init()
        )
        var statuses: [HealthCheckResponse.ServingStatus] = []
        for try await bytes in stream {
            statuses.append(try HealthCheckResponse(serializedBytes: bytes).status)
            if statuses.count == 1 {
                board.setAll(.notServing)
            } else {
                break
            }
        }
        #expect(statuses == [.serving, .notServing])
    }

    @Test("a request that is not a HealthCheckRequest is INVALID_ARGUMENT")
    func garbage() async {
        let transport = makeTransport(HealthStatusBoard(services: []))
        let error = await #expect(throws: RPCError.self) {
            _ = try await transport.unary(.healthCheck, request: [0xFF, 0xFF, 0xFF], options: .init())
        }
        #expect(error?.code == .invalidArgument)
    }
}
