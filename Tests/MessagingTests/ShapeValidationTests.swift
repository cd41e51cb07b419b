import GatewayAPI
import GatewayClient
import RPCCore
import Testing
import TwilioSandbox

/// Numbers and URLs of the wrong shape are refused by the gateway, naming the field and the
/// shape it needs, before anything reaches Twilio (the sandbox's request log stays empty).
@Suite("SendSms and BulkSendSms check numbers and URLs before Twilio")
struct ShapeValidationTests {
    private static let sender = SendSmsRequest.Sender.from(MessagingHarness.sender)

    @Test(
        "SendSms with a malformed number or URL is INVALID_ARGUMENT naming the field and its shape",
        arguments: [
            (SendSmsRequest(to: "123", sender: sender, body: "x"), "to", "E.164"),
            (SendSmsRequest(to: "+0155512345", sender: sender, body: "x"), "to", "E.164"),
            (SendSmsRequest(to: "+1555123456789012", sender: sender, body: "x"), "to", "E.164"),
            (SendSmsRequest(to: "+12", sender: sender, body: "x"), "to", "E.164"),
            (SendSmsRequest(to: "whatsapp:5551234567", sender: sender, body: "x"), "to", "whatsapp:+"),
            (SendSmsRequest(to: "messenger:a&To=+15005550001", sender: sender, body: "x"), "to", "channel address"),
            (SendSmsRequest(to: "+15551234567", sender: .from("+1 555 123"), body: "x"), "from", "short code"),
            (SendSmsRequest(to: "+15551234567", sender: .from("ACME Sender Co"), body: "x"), "from", "sender ID"),
            (SendSmsRequest(to: "+15551234567", sender: .from("12"), body: "x"), "from", "E.164"),
            (
                SendSmsRequest(to: "+15551234567", sender: sender, body: "x", statusCallback: "ftp://example.com/s"),
                "status_callback", "http or https"
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: sender, body: "x", statusCallback: "https:///status"),
                "status_callback", "with a host"
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: sender, body: "x", statusCallback: "https://ex ample.com/"),
                "status_callback", "with a host"
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: sender, body: "x", statusCallback: "http://x:99999999/"),
                "status_callback", "with a host"
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: sender, body: "x", statusCallback: "http://x:/s"),
                "status_callback", "with a host"
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: sender, mediaURLs: ["http://user:pw@example.com/a.png"]),
                "media_urls", "http or https"
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: sender, mediaURLs: ["javascript:alert(1)"]),
                "media_urls", "http or https"
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: sender, mediaURLs: ["https://example.com/a\n.png"]),
                "media_urls", "http or https"
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: sender, body: "x", statusCallback: "http://%00/"),
                "status_callback", "DNS name"
            ),
        ]
    )
    func sendSmsShapes(request: SendSmsRequest, field: String, shape: String) async throws {
        try await MessagingHarness.with { harness in
            let error = await #expect(throws: RPCError.self) { try await harness.client.sendSms(request) }
            #expect(error?.code == .invalidArgument)
            let violations = error?.errorDetails?.fieldViolations ?? []
            #expect(violations.map(\.field) == [field])
            #expect(violations.first?.description.contains(shape) == true, "\(violations)")
            #expect(error?.message.contains("\(field): ") == true)
            #expect(error?.errorDetails?.twilioCode == 0)
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }

    @Test("SendSms with an oversized address or media URL is INVALID_ARGUMENT giving the limit, not the value")
    func oversizedValues() async throws {
        let cases = [
            (
                SendSmsRequest(to: "rcs:" + String(repeating: "r", count: 5000), sender: Self.sender, body: "x"),
                "to", "must have at most 128 characters after rcs: (this one has 5000)"
            ),
            (
                SendSmsRequest(to: "+15551234567", sender: .from("messenger:" + String(repeating: "7", count: 200))),
                "from", "must have at most 128 characters after messenger: (this one has 200)"
            ),
            (
                SendSmsRequest(
                    to: "+15551234567",
                    sender: Self.sender,
                    mediaURLs: ["https://example.com/" + String(repeating: "p", count: 100_000)]
                ),
                "media_urls", "of at most 4096 bytes (this one has 100020)"
            ),
        ]
        try await MessagingHarness.with { harness in
            for (request, field, shape) in cases {
                let error = await #expect(throws: RPCError.self) { try await harness.client.sendSms(request) }
                let violations = error?.errorDetails?.fieldViolations ?? []
                #expect(violations.map(\.field) == [field])
                let description = violations.first?.description ?? ""
                #expect(description.contains(shape), "\(description.prefix(300))")
                #expect((error?.message.count ?? .max) < 400)
            }
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }

    @Test(
        "SendSms lets every well-formed kind of address through to Twilio",
        arguments: [
            ("whatsapp:+15551234567", MessagingHarness.sender),
            ("+15551234567", "12345"),
            ("+15551234567", "ACME Inc"),
            ("+15551234567", "whatsapp:+15005550010"),
            ("messenger:1234567890123456", "messenger:9876543210"),
            ("+6831234", MessagingHarness.sender),
        ]
    )
    func wellFormedAddresses(to: String, from: String) async throws {
        try await MessagingHarness.with { harness in
            do {
                _ = try await harness.client.sendSms(SendSmsRequest(to: to, sender: .from(from), body: "x"))
            } catch let error as RPCError {
                // Twilio may refuse a sender the account does not own, but not the gateway.
                #expect(error.errorDetails?.twilioCode != 0, "\(error)")
            }
            #expect(harness.sandbox.receivedRequests.count == 1)
        }
    }

    @Test(
        "BulkSendSms with a malformed sender or URL is refused as a whole; nothing is sent",
        arguments: [
            (BulkSendSmsRequest(fromNumbers: ["+1-555-0100"], bodyTemplate: "x"), "from"),
            (
                BulkSendSmsRequest(fromNumbers: [MessagingHarness.sender], bodyTemplate: "x", mediaURLs: ["/a.png"]),
                "media_urls"
            ),
            (
                BulkSendSmsRequest(
                    fromNumbers: [MessagingHarness.sender],
                    bodyTemplate: "x",
                    statusCallback: "mailto:a@b.c"
                ),
                "status_callback"
            ),
        ]
    )
    func bulkShapes(request: BulkSendSmsRequest, field: String) async throws {
        var request = request
        request.recipients = [BulkRecipient(to: "+15551234567")]
        try await MessagingHarness.with { harness in
            let error = await #expect(throws: RPCError.self) {
                for try await _ in harness.client.bulkSendSms(request) {}
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.errorDetails?.fieldViolations.map(\.field) == [field])
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }
}
