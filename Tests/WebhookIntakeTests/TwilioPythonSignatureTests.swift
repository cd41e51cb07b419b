import Foundation
import GatewayStore
import GatewayTestSupport
import Testing
import WebhookIntake

/// Signatures made by the `twilio` Python library's `RequestValidator`, sent with Python's own
/// HTTP client. Skipped without the package unless `GATEWAY_REQUIRE_PYTHON=1`.
@Suite("Signatures from twilio-python", .enabled(if: PythonPackages.testsRun(needing: "twilio.request_validator")))
struct TwilioPythonSignatureTests {
    struct Sent: Decodable {
        var name: String
        var status: Int
        var body: String
    }

    static let script = """
        import json, sys, urllib.error, urllib.parse, urllib.request
        from twilio.request_validator import RequestValidator
        local, public, token = sys.argv[1], sys.argv[2], sys.argv[3]
        validator = RequestValidator(token)
        cases = [
            ("sms", "/webhooks/twilio/sms", "", {"MessageSid": "SMpy1", "From": "+14155550100",
                "To": "+15005550006", "Body": "Olá from Python ✓", "AccountSid": "AC" + "0" * 32}, None),
            ("status", "/webhooks/twilio/status", "tenant=py&x=a%20b", {"MessageSid": "SMpy1",
                "MessageStatus": "delivered", "To": "+14155550100", "From": "+15005550006"}, None),
            ("voice", "/webhooks/twilio/voice", "", {"CallSid": "CApy1", "From": "+14155550100",
                "To": "+15005550006", "CallStatus": "ringing", "Direction": "inbound"}, None),
            ("tampered", "/webhooks/twilio/sms", "", {"MessageSid": "SMpy2", "Body": "signed"}, "changed"),
        ]
        results = []
        for name, path, query, params, tampered in cases:
            url = public + path + ("?" + query if query else "")
            signature = validator.compute_signature(url, params)
            sent = dict(params)
            if tampered:
                sent["Body"] = tampered
            request = urllib.request.Request(
                local + path + ("?" + query if query else ""),
                data=urllib.parse.urlencode(sent).encode(),
                headers={"X-Twilio-Signature": signature, "I-Twilio-Idempotency-Token": "py-" + name,
                         "Content-Type": "application/x-www-form-urlencoded"})
            try:
                with urllib.request.urlopen(request) as response:
                    results.append({"name": name, "status": response.status, "body": response.read().decode()})
            except urllib.error.HTTPError as error:
                results.append({"name": name, "status": error.code, "body": error.read().decode()})
        print(json.dumps(results))
        """

    @Test("webhooks signed by RequestValidator are accepted, and a tampered one is refused")
    func requestValidator() async throws {
        try await IntakeHarness.with { harness async throws in
            let sent = try await PythonPeer.runJSON(
                [Sent].self,
                Self.script,
                arguments: [harness.localBase, IntakeHarness.publicBase, IntakeHarness.authToken]
            )
            #expect(sent.map(\.name) == ["sms", "status", "voice", "tampered"])
            #expect(sent.map(\.status) == [200, 204, 200, 403])

            let events = try await harness.events().map(\.event)
            #expect(events.map(\.type) == [.smsInbound, .messageStatus, .callInbound])
            #expect(events.first?.parameters.first { $0.name == "Body" }?.value == "Olá from Python ✓")
            #expect(events.map(\.dedupeKey) == ["py-sms", "py-status", "py-voice"])
        }
    }
}
