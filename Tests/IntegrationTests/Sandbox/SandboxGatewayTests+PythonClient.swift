internal import Foundation
internal import Testing

/// Tests/PythonClient/gateway_client.py, written from docs/protocol.md alone, calls the real
/// gateway over a socket.
extension SandboxGatewayTests {
    /// What the client prints: the status and the decoded response or error details.
    struct PythonClientResult: Decodable {
        struct Details: Decodable {
            var twilioCode: Int?
            var twilioMessage: String?
            var moreInfo: String?
            var httpStatus: Int?
            var retryable: Bool?

            private enum CodingKeys: String, CodingKey {
                case twilioCode = "twilio_code"
                case twilioMessage = "twilio_message"
                case moreInfo = "more_info"
                case httpStatus = "http_status"
                case retryable
            }
        }

        /// The fields of a sent `Message` the test reads.
        struct SentMessage: Decodable {
            var sid: String?
            var status: String?
            var to: String?
        }

        var status: Int
        var statusName: String
        var message: String
        var response: SentMessage?
        var details: Details?

        private enum CodingKeys: String, CodingKey {
            case status, message, response, details
            case statusName = "status_name"
        }
    }

    static func pythonClient(_ arguments: [String]) async throws -> PythonClientResult {
        let script = PythonTools.root.appendingPathComponent("Tests/PythonClient/gateway_client.py").path
        let outcome = try await PythonTools.run([script] + arguments)
        do {
            return try JSONDecoder().decode(PythonClientResult.self, from: Data(outcome.output.utf8))
        } catch {
            throw Program.Failure(description: "the Python client printed no result (\(error)): \(outcome)")
        }
    }

    @Test(
        "the Python client sends an SMS and decodes the ErrorDetails of a 21211 error",
        .enabled(
            if: PythonTools.shouldRun(PythonTools.hasProtobuf),
            "the protobuf package is missing; pip install -r Tests/requirements.txt or set GATEWAY_REQUIRE_PYTHON=1"
        )
    )
    func pythonClient() async throws {
        let gateway = try SharedSandboxGateway.require()
        try #require(
            PythonTools.hasProtobuf,
            "python3 cannot import google.protobuf: pip install -r Tests/requirements.txt"
        )
        let protos = try await PythonTools.generateProtos()
        defer { protos.remove() }
        let common = ["--port", String(try gateway.requireRPCPort()), "--proto-dir", protos.url.path]

        let sent = try await Self.pythonClient(
            common + ["send-sms", "--to", "+15551234567", "--from", "+15557654321", "--body", "Your code is 123456"]
        )
        #expect(sent.statusName == "OK", "\(sent.message)")
        #expect(DocumentedOperations.isMessageSID(sent.response?.sid ?? ""), "\(sent.message)")
        #expect(sent.response?.status == "queued")
        #expect(sent.response?.to == "+15551234567")

        let rejected = try await Self.pythonClient(
            common + ["send-sms", "--to", "+15005550001", "--from", "+15557654321", "--body", "Your code is 123456"]
        )
        #expect(rejected.status == 3)
        #expect(rejected.statusName == "INVALID_ARGUMENT")
        #expect(rejected.message.contains("21211"), "\(rejected.message)")
        let details = try #require(rejected.details, "no ErrorDetails came with the error")
        #expect(details.twilioCode == 21211)
        #expect(details.httpStatus == 400)
        #expect(details.moreInfo == "https://www.twilio.com/docs/errors/21211")
        #expect(details.retryable != true)
    }
}
