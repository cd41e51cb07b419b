import Foundation
import GatewayStore
import HTTPServer
import ServiceSupport
import Testing
import TwilioREST
import WebhookIntake

/// Every signature vector, sent over HTTP to an endpoint mounted at the vector's path, with the
/// gateway's public URL set to the vector's scheme and host.
@Suite("Signature vectors through the endpoints")
struct SignatureVectorTests {
    /// What each vector gets: 2xx when it is a complete webhook of its endpoint's kind, 400
    /// when its signature checks out but its parameters make no such webhook, 403 when the
    /// signature is wrong.
    static let expected: [String: (endpoint: WebhookEndpoint, status: Int)] = [
        "v01_form_inbound_sms": (.sms, 200),
        "v02_url_with_query": (.status, 204),
        "v03_repeated_keys": (.status, 400),
        "v04_repeated_keys_duplicate_value": (.status, 400),
        "v05_unicode_body": (.sms, 200),
        "v06_validator_url_has_443_signed_without": (.voice, 200),
        "v07_validator_url_without_port_signed_with_443": (.voice, 200),
        "v08_http_signed_with_80": (.voice, 200),
        "v09_http_plain": (.voice, 200),
        "v10_https_plain": (.voice, 200),
        "v11_empty_params_get": (.voice, 200),
        "v12_json_body_sha256": (.status, 204),
        "v13_nonstandard_port": (.sms, 400),
        "v14_key_sort_codepoint": (.sms, 400),
        "v15_twilio_python_reference": (.voice, 200),
        "v16_hmac_sha256_sharedkey": (.status, 204),
        "n01_tampered_param": (.sms, 403),
        "n02_wrong_token": (.sms, 403),
        "n03_wrong_url": (.sms, 403),
        "n04_missing_header": (.sms, 403),
        "n05_scheme_mismatch": (.voice, 403),
        "n06_json_body_tampered": (.status, 403),
    ]

    @Test("the table covers every vector in the file, 16 valid and 6 not")
    func coversTheFile() {
        #expect(Set(SignatureVector.all.map(\.id)) == Set(Self.expected.keys))
        #expect(SignatureVector.all.filter(\.expectValid).count == 16)
    }

    @Test("each vector is accepted or refused over HTTP as twilio-python decides", arguments: SignatureVector.all)
    func vector(_ vector: SignatureVector) async throws {
        let expected = try #require(Self.expected[vector.id])
        let base = try WebhookBaseURL(vector.base)
        let options = IntakeHarness.Options(
            authToken: vector.algorithm == nil ? vector.authToken : "not-the-shared-key",
            configure: { configuration in
                configuration.publicBaseURL = { base }
                configuration.sharedKeySecret = { id in id == "KS0001" ? vector.authToken : nil }
            },
            routes: { intake, router in
                router.add(.post, vector.path, intake.handler(for: expected.endpoint))
                router.add(.get, vector.path, intake.handler(for: expected.endpoint))
            }
        )
        try await IntakeHarness.with(options) { harness async throws in
            var headers: [(name: String, value: String)] = [("I-Twilio-Idempotency-Token", vector.id)]
            if let signature = vector.expectedSignature {
                headers.append(("X-Twilio-Signature", signature))
            }
            if vector.algorithm == "HMAC_SHA256" {
                headers.append(("X-Twilio-Webhooks-Signature-Settings", "key=KS0001,algorithm=HMAC_SHA256"))
            }
            var body: [UInt8] = []
            if let json = vector.body {
                headers.append(("Content-Type", "application/json"))
                body = Array(json.utf8)
            } else if let form = vector.formBody {
                headers.append(("Content-Type", "application/x-www-form-urlencoded"))
                body = Array(form.utf8)
            }
            let response = try await harness.send(
                vector.isGet ? .get : .post,
                path: vector.path,
                query: vector.query,
                headers: headers,
                body: body
            )
            #expect(response.status == expected.status, "\(response.text)")
            #expect((response.status != 403) == vector.expectValid)

            let events = try await harness.events()
            guard (200..<300).contains(expected.status) else {
                #expect(events.isEmpty)
                return
            }
            let event = try #require(events.first)
            #expect(events.count == 1)
            #expect(event.event.dedupeKey == vector.id)
            let sent = vector.isGet ? Self.queryFields(vector.query) : vector.params.map { [$0[0], $0[1]] }
            if vector.body == nil {
                #expect(event.event.parameters.map { [$0.name, $0.value] } == sent)
            }
        }
    }

    @Test("a refused signature is logged with the URL that was checked and the endpoint, never the token")
    func refusalLog() async throws {
        try await IntakeHarness.with { harness async throws in
            let response = try await harness.post(Webhooks.inboundSMS(), to: .sms, query: "tenant=a", signature: "AAAA")
            #expect(response.status == 403)
            #expect(response.text == "Forbidden\n")

            let line = try #require(harness.logLines("webhook.signature.rejected").first)
            #expect(line.level == .warning)
            #expect(line.metadata["webhook.url"] == IntakeHarness.publicBase + "/webhooks/twilio/sms?tenant=a")
            #expect(line.metadata["webhook.endpoint"] == "sms")
            #expect(line.metadata["webhook.reason"] == "the signature does not match the URL and parameters")
            #expect(!harness.logs.lines.joined().contains(IntakeHarness.authToken))
            #expect(try await harness.events().isEmpty)
        }
    }

    private static func queryFields(_ query: String) -> [[String]] {
        HTTPForm(decoding: query).fields.map { [$0.name, $0.value] }
    }
}
