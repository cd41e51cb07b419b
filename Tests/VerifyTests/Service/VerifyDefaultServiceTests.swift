import GatewayAPI
import GatewayClient
import GatewayServices
import RPCCore
import ServiceSupport
import Testing
import TwilioSandbox

/// A Verify service with a default Verify Service SID, against the sandbox.
@Suite("Verify's default service SID")
struct VerifyDefaultServiceTests {
    private static func client(_ harness: VerifyHarness, defaultServiceSID: String?) -> GatewayClient {
        var router = RPCRouter()
        VerifyService(twilio: harness.twilio, defaultServiceSID: defaultServiceSID).register(in: &router)
        return GatewayClient(
            transport: InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
        )
    }

    @Test("a request without service_sid runs in the default service; one with its own keeps it")
    func defaultUsed() async throws {
        try await VerifyHarness.with { harness in
            let client = Self.client(harness, defaultServiceSID: VerifyHarness.serviceSID)
            let started = try await client.startVerification(
                StartVerificationRequest(to: "+15551234567", channel: "sms")
            )
            #expect(started.serviceSID == VerifyHarness.serviceSID)
            let other = try await client.startVerification(
                StartVerificationRequest(
                    serviceSID: VerifyHarness.longCodeServiceSID,
                    to: "+15551234568",
                    channel: "sms"
                )
            )
            #expect(other.serviceSID == VerifyHarness.longCodeServiceSID)
            let paths = harness.sandbox.receivedRequests.map(\.path)
            #expect(paths.first == "/v2/Services/\(VerifyHarness.serviceSID)/Verifications")
            #expect(paths.last == "/v2/Services/\(VerifyHarness.longCodeServiceSID)/Verifications")
        }
    }

    @Test("without a default, a request without service_sid is INVALID_ARGUMENT and nothing is sent")
    func noDefault() async throws {
        try await VerifyHarness.with { harness in
            let client = Self.client(harness, defaultServiceSID: nil)
            let error = await #expect(throws: RPCError.self) {
                try await client.startVerification(StartVerificationRequest(to: "+15551234567", channel: "sms"))
            }
            #expect(error?.errorDetails?.fieldViolations.map(\.field) == ["service_sid"])
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }
}
