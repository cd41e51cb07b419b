import GatewayAPI
import GatewayServices
import ProtoBridge
import RPCCore
import ServiceSupport
import Testing
import TwilioREST

@Suite("Messaging service")
struct MessagingServiceTests {
    /// A client whose base URL is a closed port: any request that reached it would fail with
    /// UNAVAILABLE, so INVALID_ARGUMENT proves nothing was sent.
    private func makeTransport() throws -> InProcessTransport {
        var configuration = TwilioConfiguration()
        configuration.apiBaseURL = "http://127.0.0.1:9"
        let credentials = TwilioCredentials(accountSID: "AC" + String(repeating: "0", count: 32), authToken: "t")
        let twilio = try TwilioClient(configuration: configuration, credentials: StaticCredentialSource(credentials))
        var router = RPCRouter()
        MessagingService(twilio: twilio).register(in: &router)
        return InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
    }

    @Test(
        "a request without a recipient or a sender is INVALID_ARGUMENT naming the fields",
        arguments: [
            (SendSmsRequest(sender: .from("+15557654321"), body: "x"), ["to"]),
            (SendSmsRequest(to: "+15551234567", body: "x"), ["sender"]),
            (SendSmsRequest(body: "x"), ["to", "sender"]),
        ]
    )
    func missingFields(request: SendSmsRequest, fields: [String]) async throws {
        let transport = try makeTransport()
        let error = await #expect(throws: RPCError.self) {
            _ = try await transport.unary(.sendSms, request: try request.serializedBytes(), options: .init())
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.errorDetails?.fieldViolations.map(\.field) == fields)
        #expect(error?.message.contains("from or messaging_service_sid") == fields.contains("sender"))
    }

    @Test("Twilio out of reach is UNAVAILABLE and retryable")
    func unreachable() async throws {
        let transport = try makeTransport()
        let request = SendSmsRequest(to: "+15551234567", sender: .from("+15557654321"), body: "x")
        let error = await #expect(throws: RPCError.self) {
            _ = try await transport.unary(.sendSms, request: try request.serializedBytes(), options: .init())
        }
        #expect(error?.code == .unavailable)
        #expect(error?.errorDetails?.retryable == true)
    }
}
