import Foundation
import GatewayStore
import GatewayTestSupport
import HTTPServer
import ServiceSupport
import Testing
import TwilioREST
import WebhookIntake

@Suite("Limits and malformed bodies")
struct LimitTests {
    @Test("a body past the intake's limit is answered 413 before its signature is checked")
    func oversizedBody() async throws {
        try await IntakeHarness.with(.configured({ $0.maxBodyBytes = 1024 })) { harness async throws in
            let fields = Webhooks.inboundSMS(body: String(repeating: "x", count: 2000))
            let response = try await harness.post(fields, to: .sms)
            #expect(response.status == 413)
            #expect(response.text.contains("at most 1024"))
            #expect(harness.logLines("webhook.signature.rejected").isEmpty)
            #expect(try await harness.events().isEmpty)
            let rejected = harness.logLines("webhook.request.rejected")
            #expect(rejected.map { $0.metadata["webhook.limit"] } == ["max_body_bytes"])
            #expect(rejected.first?.metadata["http.peer"] == "127.0.0.1")
        }
    }

    @Test("a body past the server's limit is answered 413 by the server itself")
    func serverLimit() async throws {
        try await IntakeHarness.with { harness async throws in
            let fields = Webhooks.inboundSMS(body: String(repeating: "x", count: 2 << 20))
            #expect(try await harness.post(fields, to: .sms).status == 413)
            #expect(try await harness.events().isEmpty)
        }
    }

    @Test("header fields past the limit are answered 431")
    func oversizedHeaders() async throws {
        try await IntakeHarness.with(.configured({ $0.maxHeaderBytes = 2048 })) { harness async throws in
            let response = try await harness.send(
                path: "/webhooks/twilio/sms",
                headers: [("X-Padding", String(repeating: "p", count: 3000))],
                body: Array("MessageSid=SM1".utf8)
            )
            #expect(response.status == 431)
            #expect(
                harness.logLines("webhook.request.rejected").map { $0.metadata["webhook.limit"] } == [
                    "max_header_bytes"
                ]
            )
        }
    }

    @Test(
        "a body in a media type the endpoint does not take is answered 415",
        arguments: [
            (WebhookEndpoint.sms, "application/json"), (.voice, "application/json"), (.status, "text/plain"),
            (.verify, "application/xml"),
        ]
    )
    func mediaType(endpoint: WebhookEndpoint, type: String) async throws {
        try await IntakeHarness.with { harness async throws in
            let response = try await harness.send(
                path: endpoint.path,
                headers: [("Content-Type", type), ("X-Twilio-Signature", "AAAA")],
                body: Array("{}".utf8)
            )
            #expect(response.status == 415)
            #expect(response.text.contains("application/x-www-form-urlencoded"))
        }
    }

    @Test(
        "a signed but malformed form body is answered 400 naming the problem",
        arguments: [
            ("MessageSid=SM1&Body=%ZZ", "not followed by two hex digits"),
            ("MessageSid=SM1&Body=%E9t%E9", "not UTF-8"),
            ("MessageSid=SM1&=orphan", "has no name"),
            ("MessageSid=SM1&Body=100%", "not followed by two hex digits"),
        ]
    )
    func malformedForm(body: String, problem: String) async throws {
        try await IntakeHarness.with { harness async throws in
            let bytes = Array(body.utf8)
            let url = IntakeHarness.publicBase + "/webhooks/twilio/sms"
            let signature = TwilioSignatureHelper.sign(url: url, fields: HTTPForm(decoding: bytes).fields)
            let response = try await harness.send(
                path: "/webhooks/twilio/sms",
                headers: [("Content-Type", "application/x-www-form-urlencoded"), ("X-Twilio-Signature", signature)],
                body: bytes
            )
            #expect(response.status == 400)
            #expect(response.text.contains(problem))
            #expect(try await harness.events().isEmpty)
        }
    }

    @Test(
        "a signed but malformed JSON body is answered 400",
        arguments: [
            #"{"CallSid":"CA1","CallStatus":"completed""#, #"["CallSid"]"#, #"{"CallSid":"CA1",}"#,
            #"{"CallSid":"CA1"} {}"#, #"{"a":01}"#, #"{"a":"\x"}"#, #"{"a":"\ud800"}"#,
            String(repeating: #"{"a":"#, count: 40) + "1" + String(repeating: "}", count: 40),
        ]
    )
    func malformedJSON(json: String) async throws {
        try await IntakeHarness.with { harness async throws in
            let response = try await harness.postJSON(json, to: .status)
            #expect(response.status == 400)
            #expect(response.text.contains("JSON body"))
            #expect(try await harness.events().isEmpty)
        }
    }

    @Test("a JSON body whose bodySHA256 does not match is refused with 403")
    func tamperedJSON() async throws {
        try await IntakeHarness.with { harness async throws in
            let query = "bodySHA256=" + String(repeating: "0", count: 64)
            let signature = TwilioSignatureHelper.sign(
                url: IntakeHarness.publicBase + "/webhooks/twilio/status?" + query
            )
            let response = try await harness.send(
                path: "/webhooks/twilio/status",
                query: query,
                headers: [("Content-Type", "application/json"), ("X-Twilio-Signature", signature)],
                body: Array(#"{"CallSid":"CA1","CallStatus":"completed"}"#.utf8)
            )
            #expect(response.status == 403)
        }
    }

    @Test("a body cut short on the wire is never handled, and the endpoint keeps working")
    func truncatedOnTheWire() async throws {
        try await IntakeHarness.with { harness async throws in
            let port = try #require(Int(harness.localBase.split(separator: ":").last ?? ""))
            let script = """
                import socket, sys
                s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
                body = b"MessageSid=SM1&Body=partial"
                s.sendall(b"POST /webhooks/twilio/sms HTTP/1.1\\r\\nHost: x\\r\\n"
                          b"Content-Type: application/x-www-form-urlencoded\\r\\nContent-Length: 500\\r\\n\\r\\n" + body)
                s.close()
                print("sent")
                """
            let result = try await PythonPeer.run(script, arguments: [String(port)])
            #expect(result.stdout == "sent\n", "\(result.stderr)")

            #expect(try await harness.post(Webhooks.inboundSMS(), to: .sms, token: "after").status == 200)
            #expect(try await harness.events().map(\.event.dedupeKey) == ["after"])
        }
    }

    @Test("a form body cut short after signing fails its signature")
    func truncatedAfterSigning() async throws {
        try await IntakeHarness.with { harness async throws in
            let fields = Webhooks.inboundSMS()
            let signature = TwilioSignatureHelper.sign(
                url: IntakeHarness.publicBase + "/webhooks/twilio/sms",
                fields: fields
            )
            let body = Array(HTTPForm(fields).encoded.utf8)
            let response = try await harness.send(
                path: "/webhooks/twilio/sms",
                headers: [("Content-Type", "application/x-www-form-urlencoded"), ("X-Twilio-Signature", signature)],
                body: Array(body.prefix(body.count / 2))
            )
            #expect(response.status == 403)
        }
    }
}
