internal import Foundation
import GatewayTestSupport
import Testing

@testable import TwilioREST

/// The requests the client sends for each Verify operation, byte for byte against the ones the
/// official twilio-python library (9.13.0) sends for the same inputs, both recorded by
/// `recording_server.py`: method, path and form body, repeated and nested fields included.
@Suite(
    "Verify requests match twilio-python's",
    .enabled(
        if: PythonPackages.testsRun(needing: "twilio"),
        "twilio-python is not installed (pip install twilio); set GATEWAY_REQUIRE_PYTHON=1 to fail instead"
    )
)
struct VerifyPythonParityTests {
    static let service = "VA00112233445566778899aabbccddeeff"
    static let verification = "VE00112233445566778899aabbccddeeff"
    static let factor = "YF00112233445566778899aabbccddeeff"
    static let challenge = "YC00112233445566778899aabbccddeeff"
    static let identity = "ff483d1f-user-0001"

    /// One recorded request, reduced to what is compared.
    struct Sent: Equatable, CustomStringConvertible {
        var method: String
        var path: String
        var body: String

        var description: String {
            "\(method) \(path) \(body)"
        }
    }

    /// Every recorded request, in order; the recording server answers each with a bare
    /// resource so both clients go on.
    private static func record(_ send: (String) async throws -> Void) async throws -> [Sent] {
        let server = try await RecordingServer.start(routes: [], defaultRoute: Route(json: #"{"sid":"XX1"}"#))
        try await send(server.baseURL)
        return try server.requests().map { Sent(method: $0.method ?? "", path: $0.path, body: $0.bodyText) }
    }

    @Test("start, check, fetch, cancel, factor create and verify, challenge create and update")
    func parity() async throws {
        let python = try await Self.record { baseURL in
            let result = try await PythonPeer.run(
                Self.script,
                arguments: [baseURL, Fixtures.accountSID, Fixtures.authToken]
            )
            try #require(result.exitCode == 0, "python3 failed: \(result.stderr)")
        }
        let swift = try await Self.record { baseURL in
            try await Self.sendWithClient(baseURL: baseURL)
        }

        #expect(python.count == 12)
        #expect(swift.count == python.count)
        for (index, (mine, theirs)) in zip(swift, python).enumerated() {
            #expect(mine == theirs, "request \(index)")
        }
        #expect(python.first?.body.contains("ChannelConfiguration=") == false)
        #expect(python.dropFirst().first?.body.contains("ChannelConfiguration=%7B%22from%22") == true)
    }

    private static func sendWithClient(baseURL: String) async throws {
        var configuration = TwilioConfiguration(apiBaseURL: "http://127.0.0.1:9", verifyBaseURL: baseURL)
        configuration.requestTimeout = .seconds(10)
        let client = try Fixtures.client(configuration)

        _ = try await client.createVerification(
            serviceSID: service,
            CreateVerificationRequest(
                to: "+15551234567",
                channel: "sms",
                customFriendlyName: "Acme & Co",
                locale: "pt-BR"
            )
        )
        _ = try await client.createVerification(
            serviceSID: service,
            CreateVerificationRequest(
                to: "zoë@example.com",
                channel: "email",
                locale: "en",
                channelConfiguration: VerificationChannelConfiguration(
                    from: "noreply@acme.example",
                    fromName: "Acme \"Zoë\" Support",
                    templateID: "d-123",
                    substitutions: ["plan": "pro + gold", "name": "Zoë"]
                )
            )
        )
        _ = try await client.createVerificationCheck(
            serviceSID: service,
            CreateVerificationCheckRequest(code: "123456", target: .to("+15551234567"))
        )
        _ = try await client.createVerificationCheck(
            serviceSID: service,
            CreateVerificationCheckRequest(code: "654321", target: .verificationSID(verification))
        )
        _ = try await client.fetchVerification(serviceSID: service, sid: verification)
        _ = try await client.updateVerification(serviceSID: service, sid: verification, status: "canceled")
        _ = try await client.createFactor(
            serviceSID: service,
            identity: identity,
            CreateFactorRequest(friendlyName: "Zoë's phone")
        )
        _ = try await client.createFactor(
            serviceSID: service,
            identity: identity,
            CreateFactorRequest(
                friendlyName: "tablet",
                bindingSecret: "JBSWY3DPEHPK3PXP",
                timeStep: 60,
                skew: 0,
                codeLength: 8,
                algorithm: "sha256"
            )
        )
        _ = try await client.updateFactor(serviceSID: service, identity: identity, sid: factor, authPayload: "123456")
        _ = try await client.createChallenge(
            serviceSID: service,
            identity: identity,
            factorSID: factor,
            authPayload: "654321"
        )
        _ = try await client.createChallenge(
            serviceSID: service,
            identity: identity,
            factorSID: factor,
            authPayload: nil
        )
        _ = try await client.updateChallenge(
            serviceSID: service,
            identity: identity,
            sid: challenge,
            authPayload: "123456"
        )
    }

    static let script = #"""
        import sys
        from twilio.rest import Client

        base, sid, token = sys.argv[1:4]
        client = Client(sid, token)
        client.verify.base_url = base
        service = client.verify.v2.services("\#(service)")
        entity = service.entities("\#(identity)")

        service.verifications.create(to="+15551234567", channel="sms", custom_friendly_name="Acme & Co",
                                     locale="pt-BR")
        service.verifications.create(
            to="zoë@example.com", channel="email", locale="en",
            channel_configuration={"from": "noreply@acme.example", "from_name": 'Acme "Zoë" Support',
                                   "template_id": "d-123", "substitutions": {"name": "Zoë", "plan": "pro + gold"}})
        service.verification_checks.create(code="123456", to="+15551234567")
        service.verification_checks.create(code="654321", verification_sid="\#(verification)")
        service.verifications("\#(verification)").fetch()
        service.verifications("\#(verification)").update(status="canceled")
        entity.new_factors.create(friendly_name="Zoë's phone", factor_type="totp")
        entity.new_factors.create(friendly_name="tablet", factor_type="totp", binding_secret="JBSWY3DPEHPK3PXP",
                                  config_time_step=60, config_skew=0, config_code_length=8, config_alg="sha256")
        entity.factors("\#(factor)").update(auth_payload="123456")
        entity.challenges.create(factor_sid="\#(factor)", auth_payload="654321")
        entity.challenges.create(factor_sid="\#(factor)")
        entity.challenges("\#(challenge)").update(auth_payload="123456")
        """#
}
