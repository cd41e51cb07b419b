import GatewayAPI
import GatewayClient
import RPCCore
import Testing
import TwilioSandbox

/// Addresses and URLs holding characters a reader cannot see (a zero-width space, a
/// right-to-left override, a space or line break, a control character) are refused before
/// Twilio, saying what to do, so that what Twilio gets is what a person reads.
@Suite("SendSms and BulkSendSms refuse invisible characters in addresses and URLs")
struct HiddenCharacterTests {
    private static let sender = SendSmsRequest.Sender.from(MessagingHarness.sender)
    private static let hidden =
        "must have no spaces, line breaks, control characters or invisible format characters (such as U+200B or "
        + "U+202E) after "
    private static let percentEncode = "ASCII without spaces: percent-encode any other character"

    @Test(
        "SendSms with a hidden character in a channel address or a URL is INVALID_ARGUMENT saying what to fix",
        arguments: [
            (SendSmsRequest(to: "messenger:12345\u{200B}678", sender: sender, body: "x"), "to", hidden + "messenger:"),
            (SendSmsRequest(to: "rcs:agent\u{202E}lanif", sender: sender, body: "x"), "to", hidden + "rcs:"),
            (SendSmsRequest(to: "rcs:agent\u{2028}", sender: sender, body: "x"), "to", hidden + "rcs:"),
            (SendSmsRequest(to: "rcs:agent\u{85}", sender: sender, body: "x"), "to", hidden + "rcs:"),
            (
                SendSmsRequest(to: "+15551234567", sender: .from("messenger:\u{FEFF}98765"), body: "x"),
                "from", hidden + "messenger:"
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: sender, mediaURLs: ["http://example.com/a b"]),
                "media_urls", percentEncode
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: sender, mediaURLs: ["https://example.com/\u{202E}gnp.exe"]),
                "media_urls", percentEncode
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: sender, mediaURLs: ["https://example.com/caf\u{E9}.png"]),
                "media_urls", percentEncode
            ),
            (
                SendSmsRequest(
                    to: "+15551234567",
                    sender: sender,
                    body: "x",
                    statusCallback: "https://example.com/status?who=a\u{200B}b"
                ),
                "status_callback", percentEncode
            ),
            (
                SendSmsRequest(
                    to: "+15551234567",
                    sender: sender,
                    body: "x",
                    statusCallback: "https://example.com/status#\u{A0}"
                ),
                "status_callback", percentEncode
            ),
        ]
    )
    func refused(request: SendSmsRequest, field: String, message: String) async throws {
        try await MessagingHarness.with { harness in
            let error = await #expect(throws: RPCError.self) { try await harness.client.sendSms(request) }
            #expect(error?.code == .invalidArgument)
            let violations = error?.errorDetails?.fieldViolations ?? []
            #expect(violations.map(\.field) == [field])
            #expect(violations.first?.description.contains(message) == true, "\(violations)")
            for scalar in ["\u{200B}", "\u{202E}", "\u{2028}", "\u{FEFF}", "\u{85}"] {
                #expect(error?.message.contains(scalar) == false, "\(String(describing: error))")
            }
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }

    @Test("a media URL with its space and accent percent-encoded is let through to Twilio")
    func percentEncodedURL() async throws {
        try await MessagingHarness.with { harness in
            _ = try await harness.client.sendSms(
                SendSmsRequest(
                    to: "+15551234567",
                    sender: Self.sender,
                    mediaURLs: ["http://example.com/a%20b/caf%C3%A9.png?x=%E2%80%8B"]
                )
            )
            #expect(harness.sandbox.receivedRequests.count == 1)
        }
    }

    @Test("BulkSendSms with a space in a media URL's path is refused as a whole; nothing is sent")
    func bulkMediaURL() async throws {
        var request = BulkSendSmsRequest(
            fromNumbers: [MessagingHarness.sender],
            bodyTemplate: "x",
            mediaURLs: ["https://example.com/a b.png"]
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
