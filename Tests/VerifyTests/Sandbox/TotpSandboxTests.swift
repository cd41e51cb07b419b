import Foundation
import GatewayAPI
import GatewayClient
import GraphQL
import Testing
import TwilioREST
import TwilioSandbox

/// TOTP in the sandbox through the gateway's REST client: factors, their verification and
/// challenges, checked with real RFC 6238 codes computed from the returned secret.
@Suite("Sandbox Verify: TOTP")
struct TotpSandboxTests {
    private let service = VerifyHarness.serviceSID
    private let identity = "ff483d1f-user-0001"

    private func createFactor(
        _ harness: VerifyHarness,
        _ request: CreateFactorRequest = CreateFactorRequest(friendlyName: "Zoë's phone")
    ) async throws -> TwilioFactor {
        try await harness.twilio.createFactor(serviceSID: service, identity: identity, request)
    }

    private func verifiedFactor(_ harness: VerifyHarness) async throws -> (TwilioFactor, Authenticator) {
        let factor = try await createFactor(harness)
        let app = try Authenticator(secret: try #require(factor.binding?.secret))
        let verified = try await harness.twilio.updateFactor(
            serviceSID: service,
            identity: identity,
            sid: factor.sid,
            authPayload: app.code(at: harness.clock.now)
        )
        #expect(verified.status == "verified")
        return (verified, app)
    }

    @Test("a new factor is unverified and carries a Base32 secret and its otpauth URI")
    func create() async throws {
        try await VerifyHarness.with { harness in
            let factor = try await createFactor(harness)

            #expect(factor.sid.hasPrefix("YF") && factor.sid.count == 34)
            #expect(factor.entitySID?.hasPrefix("YE") == true)
            #expect(factor.status == "unverified")
            #expect(factor.factorType == "totp")
            #expect(factor.identity == identity)
            #expect(factor.friendlyName == "Zoë's phone")
            #expect(factor.config == TwilioFactor.Config(timeStep: 30, skew: 1, codeLength: 6, algorithm: "sha1"))
            let secret = try #require(factor.binding?.secret)
            #expect(secret.count == 32)
            #expect(
                factor.binding?.uri
                    == "otpauth://totp/Acme:Zo%C3%AB%27s%20phone?secret=\(secret)&issuer=Acme&algorithm=SHA1"
                    + "&digits=6&period=30"
            )

            let second = try await createFactor(harness, CreateFactorRequest(friendlyName: "tablet"))
            #expect(second.entitySID == factor.entitySID)
            #expect(second.binding?.secret != secret)
        }
    }

    @Test("the first right code verifies the factor; wrong ones leave it unverified")
    func verify() async throws {
        try await VerifyHarness.with { harness in
            let factor = try await createFactor(harness)
            let app = try Authenticator(secret: try #require(factor.binding?.secret))

            let wrong = try await harness.twilio.updateFactor(
                serviceSID: service,
                identity: identity,
                sid: factor.sid,
                authPayload: app.wrongCode(at: harness.clock.now)
            )
            #expect(wrong.status == "unverified")
            #expect(wrong.binding == nil)

            harness.clock.advance(by: 30)
            let previousStep = app.code(at: harness.clock.now - 30)
            let right = try await harness.twilio.updateFactor(
                serviceSID: service,
                identity: identity,
                sid: factor.sid,
                authPayload: previousStep
            )
            #expect(right.status == "verified")
        }
    }

    @Test("a challenge with the right code is approved, with a wrong one pending", arguments: [true, false])
    func challenge(right: Bool) async throws {
        try await VerifyHarness.with { harness in
            let (factor, app) = try await verifiedFactor(harness)
            harness.clock.advance(by: 90)
            let now = harness.clock.now

            let challenge = try await harness.twilio.createChallenge(
                serviceSID: service,
                identity: identity,
                factorSID: factor.sid,
                authPayload: right ? app.code(at: now) : app.wrongCode(at: now)
            )

            #expect(challenge.sid.hasPrefix("YC") && challenge.sid.count == 34)
            #expect(challenge.status == (right ? "approved" : "pending"))
            #expect(challenge.factorSID == factor.sid)
            #expect(challenge.entitySID == factor.entitySID)
            #expect(challenge.factorType == "totp")
            #expect(challenge.dateResponded == (right ? "2025-01-01T12:01:30Z" : nil))
            #expect(challenge.expirationDate == "2025-01-01T12:06:30Z")
        }
    }

    @Test("a pending challenge is approved by a later right code and expires after five minutes")
    func answerLater() async throws {
        try await VerifyHarness.with { harness in
            let (factor, app) = try await verifiedFactor(harness)
            let pending = try await harness.twilio.createChallenge(
                serviceSID: service,
                identity: identity,
                factorSID: factor.sid,
                authPayload: nil
            )
            #expect(pending.status == "pending")

            harness.clock.advance(by: 40)
            let approved = try await harness.twilio.updateChallenge(
                serviceSID: service,
                identity: identity,
                sid: pending.sid,
                authPayload: app.code(at: harness.clock.now)
            )
            #expect(approved.status == "approved")

            let late = try await harness.twilio.createChallenge(
                serviceSID: service,
                identity: identity,
                factorSID: factor.sid,
                authPayload: nil
            )
            harness.clock.advance(by: 300)
            let expired = try await harness.twilio.updateChallenge(
                serviceSID: service,
                identity: identity,
                sid: late.sid,
                authPayload: app.code(at: harness.clock.now)
            )
            #expect(expired.status == "expired")
        }
    }

    @Test(
        "SHA-256, SHA-512, 8 digits and 60-second steps are computed as configured",
        arguments: [
            ("sha256", 8, 60), ("sha512", 7, 20), ("sha1", 3, 45),
        ]
    )
    func configured(algorithm: String, digits: Int, timeStep: Int) async throws {
        try await VerifyHarness.with { harness in
            let factor = try await createFactor(
                harness,
                CreateFactorRequest(
                    friendlyName: "phone",
                    timeStep: timeStep,
                    skew: 0,
                    codeLength: digits,
                    algorithm: algorithm
                )
            )
            #expect(factor.binding?.uri?.contains("algorithm=\(algorithm.uppercased())&digits=\(digits)") == true)
            let app = try Authenticator(
                secret: try #require(factor.binding?.secret),
                algorithm: algorithm,
                digits: digits,
                timeStep: timeStep
            )
            let previous = try await harness.twilio.updateFactor(
                serviceSID: service,
                identity: identity,
                sid: factor.sid,
                authPayload: app.code(at: harness.clock.now - Double(timeStep))
            )
            #expect(
                previous.status == "unverified"
                    || app.code(at: harness.clock.now - Double(timeStep)) == app.code(at: harness.clock.now)
            )
            let current = try await harness.twilio.updateFactor(
                serviceSID: service,
                identity: identity,
                sid: factor.sid,
                authPayload: app.code(at: harness.clock.now)
            )
            #expect(current.status == "verified")
        }
    }

    @Test("a secret given in Binding.Secret is used")
    func givenSecret() async throws {
        try await VerifyHarness.with { harness in
            let factor = try await createFactor(
                harness,
                CreateFactorRequest(friendlyName: "phone", bindingSecret: "JBSWY3DPEHPK3PXP")
            )
            #expect(factor.binding?.secret == "JBSWY3DPEHPK3PXP")
            let app = try Authenticator(secret: "JBSWY3DPEHPK3PXP")
            let verified = try await harness.twilio.updateFactor(
                serviceSID: service,
                identity: identity,
                sid: factor.sid,
                authPayload: app.code(at: harness.clock.now)
            )
            #expect(verified.status == "verified")
        }
    }

    @Test("five wrong codes exhaust a factor's verification (60310) and a challenge (60308)")
    func attemptLimits() async throws {
        try await VerifyHarness.with { harness in
            let unverified = try await createFactor(harness, CreateFactorRequest(friendlyName: "spare"))
            let spareApp = try Authenticator(secret: try #require(unverified.binding?.secret))
            for _ in 1...5 {
                _ = try await harness.twilio.updateFactor(
                    serviceSID: service,
                    identity: identity,
                    sid: unverified.sid,
                    authPayload: spareApp.wrongCode(at: harness.clock.now)
                )
            }
            let factorError = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.updateFactor(
                    serviceSID: service,
                    identity: identity,
                    sid: unverified.sid,
                    authPayload: spareApp.code(at: harness.clock.now)
                )
            }
            #expect(factorError?.code == 60310)
            #expect(factorError?.httpStatus == 429)

            let (factor, app) = try await verifiedFactor(harness)
            let challenge = try await harness.twilio.createChallenge(
                serviceSID: service,
                identity: identity,
                factorSID: factor.sid,
                authPayload: app.wrongCode(at: harness.clock.now)
            )
            for _ in 2...5 {
                let pending = try await harness.twilio.updateChallenge(
                    serviceSID: service,
                    identity: identity,
                    sid: challenge.sid,
                    authPayload: app.wrongCode(at: harness.clock.now)
                )
                #expect(pending.status == "pending")
            }
            let challengeError = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.updateChallenge(
                    serviceSID: service,
                    identity: identity,
                    sid: challenge.sid,
                    authPayload: app.code(at: harness.clock.now)
                )
            }
            #expect(challengeError?.code == 60308)
            #expect(challengeError?.httpStatus == 429)
        }
    }

    @Test(
        "invalid factor parameters are 60200 naming the parameter",
        arguments: [
            ("short", CreateFactorRequest(friendlyName: "phone"), "Identity"),
            ("ff483d1f-user-0001", CreateFactorRequest(friendlyName: ""), "FriendlyName"),
            (
                "ff483d1f-user-0001", CreateFactorRequest(friendlyName: "phone", bindingSecret: "not base32!"),
                "Binding.Secret"
            ),
            ("ff483d1f-user-0001", CreateFactorRequest(friendlyName: "phone", timeStep: 10), "Config.TimeStep"),
            ("ff483d1f-user-0001", CreateFactorRequest(friendlyName: "phone", skew: 3), "Config.Skew"),
            ("ff483d1f-user-0001", CreateFactorRequest(friendlyName: "phone", codeLength: 9), "Config.CodeLength"),
            ("ff483d1f-user-0001", CreateFactorRequest(friendlyName: "phone", algorithm: "md5"), "Config.Alg"),
        ]
    )
    func invalidFactor(identity: String, request: CreateFactorRequest, parameter: String) async throws {
        try await VerifyHarness.with { harness in
            let error = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.createFactor(serviceSID: service, identity: identity, request)
            }
            #expect(error?.code == 60200)
            #expect(error?.message == "Invalid parameter: \(parameter)")
        }
    }

    @Test("unknown factors and challenges are 20404; an unverified factor cannot be challenged")
    func unknown() async throws {
        try await VerifyHarness.with { harness in
            let factor = try await createFactor(harness)
            let unknownFactor = "YF" + String(repeating: "0", count: 32)
            let verifyError = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.updateFactor(
                    serviceSID: service,
                    identity: identity,
                    sid: unknownFactor,
                    authPayload: "123456"
                )
            }
            #expect(verifyError?.code == 20404)

            let otherIdentity = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.createChallenge(
                    serviceSID: service,
                    identity: "someone-else-0002",
                    factorSID: factor.sid,
                    authPayload: "123456"
                )
            }
            #expect(otherIdentity?.code == 20404)

            let unverified = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.createChallenge(
                    serviceSID: service,
                    identity: identity,
                    factorSID: factor.sid,
                    authPayload: "123456"
                )
            }
            #expect(unverified?.code == 60200)
            #expect(unverified?.message == "Invalid parameter: FactorSid")

            let malformed = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.updateFactor(
                    serviceSID: service,
                    identity: identity,
                    sid: factor.sid,
                    authPayload: "12ab56"
                )
            }
            #expect(malformed?.code == 60200)
            #expect(malformed?.message == "Invalid parameter: AuthPayload")

            let challenge = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.updateChallenge(
                    serviceSID: service,
                    identity: identity,
                    sid: "YC" + String(repeating: "0", count: 32),
                    authPayload: "123456"
                )
            }
            #expect(challenge?.code == 20404)
        }
    }
}
