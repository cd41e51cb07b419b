import Foundation
import GatewayAPI
import GatewayClient
import RPCCore
import ServiceSupport
import Testing
import TwilioSandbox

/// A message that does not decode is reported once, naming its type once, whichever side
/// received it.
@Suite("Messages that do not decode are named once")
struct UndecodableMessageTests {
    /// A length-delimited field 1 that announces 5 bytes and carries 1.
    private static let truncated: [UInt8] = [0x0A, 0x05, 0x01]

    private static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test("a request that does not decode is INVALID_ARGUMENT naming the request type once")
    func request() async throws {
        try await MessagingHarness.with { harness in
            let error = try await #require(throws: RPCError.self) {
                try await harness.transport.unary(.sendSms, request: Self.truncated, options: RPCCallOptions())
            }
            #expect(error.code == .invalidArgument)
            #expect(Self.occurrences(of: "SendSmsRequest", in: error.message) == 1, "\(error.message)")
            #expect(Self.occurrences(of: "not a valid", in: error.message) == 1, "\(error.message)")
            #expect(error.message.hasPrefix("the request cannot be decoded: the 3 bytes"), "\(error.message)")
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }

    @Test("a request field that is not UTF-8 is named with its type, once")
    func requestField() async throws {
        try await MessagingHarness.with { harness in
            // Field 1 (`to`) holding the byte FF.
            let error = try await #require(throws: RPCError.self) {
                try await harness.transport.unary(.sendSms, request: [0x0A, 0x01, 0xFF], options: RPCCallOptions())
            }
            #expect(error.code == .invalidArgument)
            #expect(Self.occurrences(of: "SendSmsRequest", in: error.message) == 1, "\(error.message)")
            #expect(error.message.contains("UTF-8"), "\(error.message)")
        }
    }

    @Test("a response that does not decode fails the client's call naming the response type once")
    func response() async throws {
        var router = RPCRouter()
        router.register(.sendSms, .unary { _, _ in Self.truncated })
        let transport = InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
        let client = GatewayClient(transport: transport)
        let error = try await #require(throws: RPCError.self) {
            try await client.sendSms(SendSmsRequest(to: "+15551234567", sender: .from("+15557654321"), body: "x"))
        }
        #expect(error.code == .internalError)
        #expect(Self.occurrences(of: "valid twilio.gateway.v1.Message", in: error.message) == 1, "\(error.message)")
        #expect(error.message.hasPrefix("the response of "), "\(error.message)")
    }
}
