import GatewayCrypto
import GatewayStore
import ServiceSupport
import Testing
import TwilioREST
import WebhookIntake

@Suite("Retries, replays and tampering")
struct RetryAndTamperTests {
    @Test("a retry with the same idempotency token gets the same answer and is stored once")
    func retry() async throws {
        try await IntakeHarness.with { harness async throws in
            let first = try await harness.post(Webhooks.inboundSMS(), to: .sms, token: "retry-1")
            let second = try await harness.post(Webhooks.inboundSMS(), to: .sms, token: "retry-1")
            #expect(first.status == 200)
            #expect(second.status == first.status)
            #expect(second.text == first.text)
            #expect(try await harness.events().count == 1)
            #expect(harness.logLines("webhook.accepted").map { $0.metadata["event.duplicate"] } == ["false", "true"])
        }
    }

    @Test("different tokens are different webhooks, even with the same parameters")
    func differentTokens() async throws {
        try await IntakeHarness.with { harness async throws in
            for token in ["a", "b", "c"] {
                #expect(
                    try await harness.post(Webhooks.messageStatus(status: "sent"), to: .status, token: token).status
                        == 204
                )
            }
            #expect(try await harness.events().map(\.event.dedupeKey) == ["a", "b", "c"])
        }
    }

    @Test("a replayed request with a valid signature and the same token is deduplicated")
    func replay() async throws {
        try await IntakeHarness.with { harness async throws in
            let fields = Webhooks.messageStatus(status: "delivered")
            for _ in 0..<5 {
                #expect(try await harness.post(fields, to: .status, token: "captured").status == 204)
            }
            #expect(try await harness.events().count == 1)
        }
    }

    @Test(
        "a forged or tampered webhook is refused with 403 and nothing is stored",
        arguments: [
            "tampered body", "wrong token", "no signature", "signature of another endpoint", "tampered query",
        ]
    )
    func forged(kind: String) async throws {
        try await IntakeHarness.with { harness async throws in
            let fields = Webhooks.inboundSMS()
            let response: WebhookResponse
            switch kind {
            case "tampered body":
                var tampered = fields
                tampered[6].value = "Send me money"
                let signature = TwilioSignatureHelper.sign(
                    url: IntakeHarness.publicBase + "/webhooks/twilio/sms",
                    fields: fields
                )
                response = try await harness.post(tampered, to: .sms, signature: signature)
            case "wrong token":
                response = try await harness.post(fields, to: .sms, authToken: "fedcba9876543210fedcba9876543210")
            case "no signature":
                response = try await harness.post(fields, to: .sms, signature: "")
            case "signature of another endpoint":
                let signature = TwilioSignatureHelper.sign(
                    url: IntakeHarness.publicBase + "/webhooks/twilio/status",
                    fields: fields
                )
                response = try await harness.post(fields, to: .sms, signature: signature)
            default:
                let signature = TwilioSignatureHelper.sign(
                    url: IntakeHarness.publicBase + "/webhooks/twilio/sms?a=1",
                    fields: fields
                )
                response = try await harness.post(fields, to: .sms, query: "a=2", signature: signature)
            }
            #expect(response.status == 403)
            #expect(response.text == "Forbidden\n")
            #expect(try await harness.events().isEmpty)
            #expect(harness.logLines("webhook.signature.rejected").count == 1)
        }
    }

    @Test("the signed URL is the public base followed by the path: the local address does not count")
    func publicURL() async throws {
        try await IntakeHarness.with { harness async throws in
            let fields = Webhooks.inboundSMS()
            let local = TwilioSignatureHelper.sign(url: harness.localBase + "/webhooks/twilio/sms", fields: fields)
            #expect(try await harness.post(fields, to: .sms, signature: local).status == 403)
            #expect(try await harness.post(fields, to: .sms).status == 200)
        }
    }

    @Test("without a public URL nothing can be checked: 503, so Twilio retries once it is set")
    func noPublicURL() async throws {
        try await IntakeHarness.with(.configured({ $0.publicBaseURL = { nil } })) { harness async throws in
            let response = try await harness.post(Webhooks.inboundSMS(), to: .sms)
            #expect(response.status == 503)
            #expect(response.text.contains("GATEWAY_PUBLIC_URL"))
            #expect(try await harness.events().isEmpty)
        }
    }

    @Test("a shared-key signature needs a known key and a supported algorithm")
    func sharedKeys() async throws {
        try await IntakeHarness.with(.configured({ $0.sharedKeySecret = { $0 == "KS1" ? "shared-secret" : nil } })) {
            harness async throws in
            let fields = Webhooks.messageStatus(status: "sent")
            let url = IntakeHarness.publicBase + "/webhooks/twilio/status"
            let signature = TwilioSignature.sign(
                url: url,
                parameters: fields,
                authToken: "shared-secret",
                algorithm: .sha256
            )
            let body = Array(HTTPFormText.encode(fields).utf8)
            func send(_ settings: String) async throws -> Int {
                try await harness.send(
                    path: "/webhooks/twilio/status",
                    headers: [
                        ("Content-Type", "application/x-www-form-urlencoded"), ("X-Twilio-Signature", signature),
                        ("X-Twilio-Webhooks-Signature-Settings", settings), ("I-Twilio-Idempotency-Token", settings),
                    ],
                    body: body
                )
                .status
            }
            #expect(try await send("key=KS1,algorithm=HMAC_SHA256") == 204)
            #expect(try await send("key=KS2,algorithm=HMAC_SHA256") == 403)
            #expect(try await send("key=KS1,algorithm=HMAC_SHA512") == 403)
            #expect(try await send("algorithm=HMAC_SHA256") == 403)
            #expect(try await harness.events().count == 1)
        }
    }

    @Test("when the credentials cannot be read, the webhook is answered 503")
    func credentialsUnavailable() async throws {
        try await IntakeHarness.with(IntakeHarness.Options(credentials: FailingCredentials())) { harness async throws in
            #expect(try await harness.post(Webhooks.inboundSMS(), to: .sms).status == 503)
            #expect(harness.logLines("webhook.credentials.unavailable").count == 1)
        }
    }

    @Test("credentials with only an API key cannot check signatures: 503, nothing stored")
    func apiKeyOnly() async throws {
        let keyOnly = StaticCredentialSource(
            TwilioCredentials(
                accountSID: "AC" + String(repeating: "0", count: 32),
                apiKeySID: "SK" + String(repeating: "1", count: 32),
                apiKeySecret: "key-secret"
            )
        )
        try await IntakeHarness.with(IntakeHarness.Options(credentials: keyOnly)) { harness async throws in
            #expect(try await harness.post(Webhooks.inboundSMS(), to: .sms).status == 503)
            #expect(harness.logLines("webhook.credentials.unavailable").count == 1)
            #expect(try await harness.events().isEmpty)
        }
    }
}

/// A credential source that cannot hand out credentials, like a locked vault.
struct FailingCredentials: TwilioCredentialSource {
    struct Locked: Error {}

    func credentials() async throws -> TwilioCredentials {
        throw Locked()
    }
}
