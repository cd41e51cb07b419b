import GatewayAPI
import GatewayClient
import RPCCore
import Testing
import TwilioSandbox

/// Verify requests whose `to` is not a phone number (or an email address for email) are refused
/// before Twilio, naming the field and the shape.
@Suite("Verify requests check the recipient's shape before Twilio")
struct VerifyShapeValidationTests {
    private static let service = VerifyHarness.serviceSID

    @Test(
        "StartVerification with a malformed to is INVALID_ARGUMENT naming to and its shape",
        arguments: [
            (StartVerificationRequest(serviceSID: service, to: "555-1234", channel: "sms"), "E.164"),
            (StartVerificationRequest(serviceSID: service, to: "15551234567", channel: "call"), "E.164"),
            (StartVerificationRequest(serviceSID: service, to: "user@example.com", channel: "whatsapp"), "E.164"),
            (StartVerificationRequest(serviceSID: service, to: "+15551234567", channel: "email"), "email address"),
            (StartVerificationRequest(serviceSID: service, to: "user@localhost", channel: "email"), "email address"),
            (StartVerificationRequest(serviceSID: service, to: "", channel: "sms"), "to is required"),
            (
                StartVerificationRequest(serviceSID: service, to: "ana\u{200B}@example.com", channel: "email"),
                "email address without spaces, line breaks, control characters or invisible format characters"
            ),
            (
                StartVerificationRequest(serviceSID: service, to: "ana@moc.\u{202E}example.com", channel: "email"),
                "email address without spaces, line breaks, control characters or invisible format characters"
            ),
            (
                StartVerificationRequest(serviceSID: service, to: "ana@example.com\u{2028}", channel: "email"),
                "email address without spaces"
            ),
        ]
    )
    func startShapes(request: StartVerificationRequest, shape: String) async throws {
        try await VerifyHarness.with { harness in
            let error = await #expect(throws: RPCError.self) { try await harness.client.startVerification(request) }
            #expect(error?.code == .invalidArgument)
            let violations = error?.errorDetails?.fieldViolations ?? []
            #expect(violations.map(\.field) == ["to"])
            #expect(violations.first?.description.contains(shape) == true, "\(violations)")
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }

    @Test("CheckVerification by a malformed to is INVALID_ARGUMENT naming to", arguments: ["12", "+1", "ana@"])
    func checkShapes(to: String) async throws {
        try await VerifyHarness.with { harness in
            let error = await #expect(throws: RPCError.self) {
                try await harness.client.checkVerification(
                    CheckVerificationRequest(serviceSID: Self.service, target: .to(to), code: "123456")
                )
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.errorDetails?.fieldViolations.map(\.field) == ["to"])
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }
}
