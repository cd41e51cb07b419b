import GatewayAPI
import GatewayClient
import RPCCore
import Testing
import TwilioSandbox

/// A message carries at most 10 media URLs, Twilio's limit; more are refused before Twilio,
/// naming `media_urls`, the limit and the count.
@Suite("SendSms and BulkSendSms take at most 10 media URLs")
struct MediaURLCountTests {
    private static let sender = SendSmsRequest.Sender.from(MessagingHarness.sender)

    private static func urls(_ count: Int) -> [String] {
        (0..<count).map { "https://example.com/\($0).png" }
    }

    @Test("SendSms with 11 or 1000 media URLs is INVALID_ARGUMENT naming media_urls", arguments: [11, 1000])
    func tooMany(count: Int) async throws {
        try await MessagingHarness.with { harness in
            let error = await #expect(throws: RPCError.self) {
                try await harness.client.sendSms(
                    SendSmsRequest(to: "+15551234567", sender: Self.sender, mediaURLs: Self.urls(count))
                )
            }
            #expect(error?.code == .invalidArgument)
            let violations = error?.errorDetails?.fieldViolations ?? []
            #expect(violations.map(\.field) == ["media_urls"])
            #expect(
                violations.first?.description
                    == "must hold at most 10 URLs, Twilio's limit for one message (this one has \(count))",
                "\(violations)"
            )
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }

    @Test("SendSms with 10 media URLs is let through to Twilio")
    func ten() async throws {
        try await MessagingHarness.with { harness in
            _ = try await harness.client.sendSms(
                SendSmsRequest(to: "+15551234567", sender: Self.sender, mediaURLs: Self.urls(10))
            )
            #expect(harness.sandbox.receivedRequests.count == 1)
        }
    }

    @Test("BulkSendSms with 11 media URLs is refused as a whole; nothing is sent")
    func bulk() async throws {
        var request = BulkSendSmsRequest(
            fromNumbers: [MessagingHarness.sender],
            bodyTemplate: "x",
            mediaURLs: Self.urls(11)
        )
        request.recipients = [BulkRecipient(to: "+15551234567")]
        try await MessagingHarness.with { harness in
            let error = await #expect(throws: RPCError.self) {
                for try await _ in harness.client.bulkSendSms(request) {}
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.errorDetails?.fieldViolations.map(\.field) == ["media_urls"])
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }
}
