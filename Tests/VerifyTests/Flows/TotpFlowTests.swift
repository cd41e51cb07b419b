import GatewayAPI
import GatewayClient
import GatewayCrypto
import GraphQL
import RPCCore
import ServiceSupport
import Testing
import TwilioREST
import TwilioSandbox
import WireFraming

/// A whole TOTP enrolment and login over the binary RPC protocol on 127.0.0.1, with the test
/// acting as the authenticator app: it computes RFC 6238 codes from the secret the gateway
/// returned.
@Suite("TOTP flow")
struct TotpFlowTests {
    @Test("create a factor, verify it with a computed code, a challenge is approved, a wrong code pending")
    func flow() async throws {
        try await VerifyHarness.with { harness in
            let server = RPCServer(dispatcher: harness.dispatcher, logger: .disabled)
            let port = try server.start(host: "127.0.0.1", port: 0)
            let connection = RPCClientConnection(host: "127.0.0.1", port: port)
            let client = GatewayClient(transport: connection, defaultOptions: RPCCallOptions(timeout: .seconds(10)))
            let service = VerifyHarness.serviceSID
            let identity = "5bc0c2a8-7a36-4c3e-9b2a-user"

            let factor = try await client.createTotpFactor(
                CreateTotpFactorRequest(serviceSID: service, identity: identity, friendlyName: "Zoë's phone")
            )
            #expect(factor.status == "unverified")
            let secret = try #require(Base32.decode(factor.bindingSecret))
            let app = OneTimePassword(secret: secret, algorithm: .sha1, digits: 6, timeStep: 30)

            let verified = try await client.verifyTotpFactor(
                VerifyTotpFactorRequest(
                    serviceSID: service,
                    identity: identity,
                    factorSID: factor.sid,
                    code: app.code(at: harness.clock.now)
                )
            )
            #expect(verified.status == "verified")

            harness.clock.advance(by: 3600)
            let approved = try await client.createTotpChallenge(
                CreateTotpChallengeRequest(
                    serviceSID: service,
                    identity: identity,
                    factorSID: factor.sid,
                    code: app.code(at: harness.clock.now)
                )
            )
            #expect(approved.status == "approved")

            let stale = app.code(at: harness.clock.now - 3600)
            let rejected = try await client.createTotpChallenge(
                CreateTotpChallengeRequest(serviceSID: service, identity: identity, factorSID: factor.sid, code: stale)
            )
            #expect(rejected.status == (stale == app.code(at: harness.clock.now) ? "approved" : "pending"))
            #expect(rejected.sid != approved.sid)

            connection.close()
            server.beginGracefulShutdown()
            await server.waitUntilStopped()
        }
    }
}
