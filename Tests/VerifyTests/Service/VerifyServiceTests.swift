import GatewayAPI
import GatewayClient
import GraphQL
import RPCCore
import Testing
import TwilioREST
import TwilioSandbox

/// Every Verify RPC against the sandbox through the in-process transport, with the statuses
/// of docs/errors.md on the error paths.
@Suite("Verify service over RPC")
struct VerifyServiceTests {
    private let service = VerifyHarness.serviceSID
    private let phone = "+15551234567"
    private let identity = "ff483d1f-user-0001"

    @Test(
        "StartVerification with each channel, locale, custom friendly name and email configuration",
        arguments: [
            StartVerificationRequest(to: "+15551234567", channel: "sms", locale: "fr", customFriendlyName: "Acme Shop"),
            StartVerificationRequest(to: "+15551234567", channel: "call"),
            StartVerificationRequest(to: "+15551234567", channel: "whatsapp", customFriendlyName: "Acme Shop"),
            StartVerificationRequest(
                to: "user@example.com",
                channel: "email",
                customFriendlyName: "Acme Shop",
                channelConfiguration: EmailChannelConfiguration(
                    from: "noreply@acme.example",
                    fromName: "Acme",
                    templateID: "d-123",
                    substitutions: ["name": "Zoë"]
                )
            ),
        ]
    )
    func start(request: StartVerificationRequest) async throws {
        try await VerifyHarness.with { harness in
            var request = request
            request.serviceSID = service
            let verification = try await harness.client.startVerification(request)

            #expect(verification.sid.hasPrefix("VE"))
            #expect(verification.status == "pending")
            #expect(verification.channel == request.channel)
            #expect(verification.to == request.to)
            #expect(verification.serviceSID == service)
            #expect(verification.accountSID == VerifyHarness.account.sid)
            #expect(verification.valid == false)
            #expect(verification.dateCreated == "2025-01-01T12:00:00Z")
            #expect(verification.sendCodeAttempts.map(\.channel) == [request.channel])
            let delivery = try #require(harness.sandbox.deliveries(to: request.to).last)
            #expect(delivery.locale == (request.locale.isEmpty ? nil : request.locale))
            #expect(delivery.body.contains(request.customFriendlyName.isEmpty ? "Acme" : "Acme Shop"))
            if request.channel == "email" {
                #expect(delivery.from == "Acme <noreply@acme.example>")
            }
        }
    }

    @Test("CheckVerification by recipient and by SID; GetVerification; CancelVerification")
    func lifecycle() async throws {
        try await VerifyHarness.with { harness in
            let started = try await harness.client.startVerification(
                StartVerificationRequest(serviceSID: service, to: phone, channel: "sms")
            )
            let code = try harness.latestCode(to: phone)

            let fetched = try await harness.client.getVerification(
                GetVerificationRequest(serviceSID: service, sid: started.sid)
            )
            #expect(fetched == started)

            let wrong = try await harness.client.checkVerification(
                CheckVerificationRequest(
                    serviceSID: service,
                    target: .to(phone),
                    code: code == "0000" ? "1111" : "0000"
                )
            )
            #expect(wrong.status == "pending")
            #expect(wrong.valid == false)

            let right = try await harness.client.checkVerification(
                CheckVerificationRequest(serviceSID: service, target: .verificationSID(started.sid), code: code)
            )
            #expect(right.status == "approved")
            #expect(right.valid)
            #expect(right.sid == started.sid)
            #expect(right.serviceSID == service)
            #expect(right.accountSID == VerifyHarness.account.sid)

            let second = try await harness.client.startVerification(
                StartVerificationRequest(serviceSID: service, to: phone, channel: "call")
            )
            let canceled = try await harness.client.cancelVerification(
                CancelVerificationRequest(serviceSID: service, sid: second.sid)
            )
            #expect(canceled.status == "canceled")
            #expect(canceled.sid == second.sid)
        }
    }

    @Test("requests missing what Twilio needs are INVALID_ARGUMENT naming the fields, before Twilio is called")
    func validation() async throws {
        try await VerifyHarness.with { harness in
            let cases: [(String, () async throws -> Void, [String])] = [
                (
                    "start", { _ = try await harness.client.startVerification(StartVerificationRequest()) },
                    [
                        "service_sid", "to", "channel",
                    ]
                ),
                (
                    "start with email settings for sms",
                    {
                        _ = try await harness.client.startVerification(
                            StartVerificationRequest(
                                serviceSID: service,
                                to: phone,
                                channel: "sms",
                                channelConfiguration: EmailChannelConfiguration(from: "a@example.com")
                            )
                        )
                    }, ["channel_configuration"]
                ),
                (
                    "check", { _ = try await harness.client.checkVerification(CheckVerificationRequest()) },
                    [
                        "service_sid", "target", "code",
                    ]
                ),
                (
                    "get", { _ = try await harness.client.getVerification(GetVerificationRequest()) },
                    [
                        "service_sid", "sid",
                    ]
                ),
                (
                    "cancel", { _ = try await harness.client.cancelVerification(CancelVerificationRequest()) },
                    [
                        "service_sid", "sid",
                    ]
                ),
                (
                    "factor",
                    {
                        _ = try await harness.client.createTotpFactor(
                            CreateTotpFactorRequest(serviceSID: service, algorithm: "md5")
                        )
                    }, ["identity", "friendly_name", "algorithm"]
                ),
                (
                    "verify factor", { _ = try await harness.client.verifyTotpFactor(VerifyTotpFactorRequest()) },
                    [
                        "service_sid", "identity", "factor_sid", "code",
                    ]
                ),
                (
                    "challenge",
                    {
                        _ = try await harness.client.createTotpChallenge(
                            CreateTotpChallengeRequest(serviceSID: service)
                        )
                    },
                    ["identity", "factor_sid"]
                ),
                (
                    "check challenge",
                    { _ = try await harness.client.checkTotpChallenge(CheckTotpChallengeRequest(identity: identity)) },
                    ["service_sid", "challenge_sid", "code"]
                ),
            ]
            for (name, call, fields) in cases {
                let error = await #expect(throws: RPCError.self, "\(name)") { try await call() }
                #expect(error?.code == .invalidArgument, "\(name)")
                #expect(error?.errorDetails?.fieldViolations.map(\.field) == fields, "\(name)")
                #expect(error?.errorDetails?.retryable == false, "\(name)")
            }
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }

    /// SIDs and identities that must never reach a Twilio path: path segments that collapse,
    /// separators, the wrong prefix or length, and characters Twilio does not allow.
    static let malformedSIDs = ["..", ".", "", "VE/../x", "VE..", "VE0123", "VE" + String(repeating: "0", count: 33)]
    static let malformedIdentities = [
        "..", "../../x", "short", "a/b-user-0001", String(repeating: "a", count: 65), "ünicode-user",
    ]

    @Test("every SID and identity that goes into a Twilio path is checked before Twilio is called")
    func pathValues() async throws {
        let hex = String(repeating: "0", count: 32)
        try await VerifyHarness.with { harness in
            var cases: [(String, () async throws -> Void, String)] = []
            for bad in Self.malformedSIDs {
                cases += [
                    (
                        "get sid \(bad)",
                        { _ = try await harness.client.getVerification(.init(serviceSID: service, sid: bad)) }, "sid"
                    ),
                    (
                        "cancel sid \(bad)",
                        { _ = try await harness.client.cancelVerification(.init(serviceSID: service, sid: bad)) }, "sid"
                    ),
                    (
                        "get service \(bad)",
                        { _ = try await harness.client.getVerification(.init(serviceSID: bad, sid: "VE" + hex)) },
                        "service_sid"
                    ),
                    (
                        "start service \(bad)",
                        {
                            _ = try await harness.client.startVerification(
                                .init(serviceSID: bad, to: phone, channel: "sms")
                            )
                        },
                        "service_sid"
                    ),
                    (
                        "check verification_sid \(bad)",
                        {
                            _ = try await harness.client.checkVerification(
                                .init(serviceSID: service, target: .verificationSID(bad), code: "123456")
                            )
                        }, "verification_sid"
                    ),
                    (
                        "verify factor_sid \(bad)",
                        {
                            _ = try await harness.client.verifyTotpFactor(
                                .init(serviceSID: service, identity: identity, factorSID: bad, code: "123456")
                            )
                        }, "factor_sid"
                    ),
                    (
                        "challenge factor_sid \(bad)",
                        {
                            _ = try await harness.client.createTotpChallenge(
                                .init(serviceSID: service, identity: identity, factorSID: bad)
                            )
                        }, "factor_sid"
                    ),
                    (
                        "check challenge_sid \(bad)",
                        {
                            _ = try await harness.client.checkTotpChallenge(
                                .init(serviceSID: service, identity: identity, challengeSID: bad, code: "123456")
                            )
                        }, "challenge_sid"
                    ),
                ]
            }
            for bad in Self.malformedIdentities {
                cases += [
                    (
                        "create identity \(bad)",
                        {
                            _ = try await harness.client.createTotpFactor(
                                .init(serviceSID: service, identity: bad, friendlyName: "Phone")
                            )
                        }, "identity"
                    ),
                    (
                        "challenge identity \(bad)",
                        {
                            _ = try await harness.client.createTotpChallenge(
                                .init(serviceSID: service, identity: bad, factorSID: "YF" + hex)
                            )
                        }, "identity"
                    ),
                ]
            }
            for (name, call, field) in cases {
                let error = await #expect(throws: RPCError.self, "\(name)") { try await call() }
                #expect(error?.code == .invalidArgument, "\(name)")
                #expect(error?.errorDetails?.fieldViolations.map(\.field) == [field], "\(name)")
            }
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }

    @Test(
        "identities of 8 and 64 letters, digits and dashes are taken",
        arguments: ["a1b2-c3d", String(repeating: "Z9-", count: 21) + "x"]
    )
    func identityLimits(identity: String) async throws {
        try await VerifyHarness.with { harness in
            let factor = try await harness.client.createTotpFactor(
                CreateTotpFactorRequest(serviceSID: service, identity: identity, friendlyName: "Phone")
            )
            #expect(factor.identity == identity)
        }
    }

    @Test("an unknown channel is refused with the allowed values in the message")
    func channel() async throws {
        try await VerifyHarness.with { harness in
            let error = await #expect(throws: RPCError.self) {
                _ = try await harness.client.startVerification(
                    StartVerificationRequest(serviceSID: service, to: phone, channel: "SMS")
                )
            }
            #expect(error?.code == .invalidArgument)
            #expect(
                error?.message
                    == "invalid request: channel: the channel must be one of sms, call, email, whatsapp; "
                    + "'SMS' is not one of them"
            )
        }
    }

    @Test("Twilio's 60200 is INVALID_ARGUMENT, 20404 NOT_FOUND, with Twilio's code and message")
    func twilioErrors() async throws {
        try await VerifyHarness.with { harness in
            let badNumber = await #expect(throws: RPCError.self) {
                _ = try await harness.client.startVerification(
                    StartVerificationRequest(serviceSID: service, to: phone, channel: "sms", locale: "english")
                )
            }
            #expect(badNumber?.code == .invalidArgument)
            #expect(badNumber?.errorDetails?.twilioCode == 60200)
            #expect(badNumber?.errorDetails?.twilioMessage == "Invalid parameter: Locale")
            #expect(badNumber?.errorDetails?.httpStatus == 400)
            #expect(badNumber?.errorDetails?.moreInfo == "https://www.twilio.com/docs/errors/60200")
            #expect(badNumber?.errorDetails?.retryable == false)

            let badCode = await #expect(throws: RPCError.self) {
                _ = try await harness.client.checkVerification(
                    CheckVerificationRequest(serviceSID: service, target: .to(phone), code: "12")
                )
            }
            #expect(badCode?.code == .invalidArgument)
            #expect(badCode?.errorDetails?.twilioCode == 60200)

            let unknown = await #expect(throws: RPCError.self) {
                _ = try await harness.client.getVerification(
                    GetVerificationRequest(serviceSID: service, sid: "VE" + String(repeating: "0", count: 32))
                )
            }
            #expect(unknown?.code == .notFound)
            #expect(unknown?.errorDetails?.twilioCode == 20404)
            #expect(unknown?.errorDetails?.retryable == false)

            let nothingPending = await #expect(throws: RPCError.self) {
                _ = try await harness.client.checkVerification(
                    CheckVerificationRequest(serviceSID: service, target: .to(phone), code: "123456")
                )
            }
            #expect(nothingPending?.code == .notFound)
        }
    }

    @Test("60202 and 60203 are RESOURCE_EXHAUSTED and not retryable")
    func limits() async throws {
        try await VerifyHarness.with { harness in
            let start = StartVerificationRequest(serviceSID: service, to: phone, channel: "sms")
            _ = try await harness.client.startVerification(start)
            let code = try harness.latestCode(to: phone)
            for _ in 1...5 {
                _ = try await harness.client.checkVerification(
                    CheckVerificationRequest(
                        serviceSID: service,
                        target: .to(phone),
                        code: code == "0000" ? "1111" : "0000"
                    )
                )
            }
            let checks = await #expect(throws: RPCError.self) {
                _ = try await harness.client.checkVerification(
                    CheckVerificationRequest(serviceSID: service, target: .to(phone), code: code)
                )
            }
            #expect(checks?.code == .resourceExhausted)
            #expect(checks?.errorDetails?.twilioCode == 60202)
            #expect(checks?.errorDetails?.httpStatus == 429)
            #expect(checks?.errorDetails?.retryable == false)

            for _ in 2...5 {
                _ = try await harness.client.startVerification(start)
            }
            let sends = await #expect(throws: RPCError.self) {
                _ = try await harness.client.startVerification(start)
            }
            #expect(sends?.code == .resourceExhausted)
            #expect(sends?.errorDetails?.twilioCode == 60203)
            #expect(sends?.errorDetails?.retryable == false)
        }
    }

    @Test("CreateTotpFactor, VerifyTotpFactor, CreateTotpChallenge and CheckTotpChallenge")
    func totp() async throws {
        try await VerifyHarness.with { harness in
            let factor = try await harness.client.createTotpFactor(
                CreateTotpFactorRequest(
                    serviceSID: service,
                    identity: identity,
                    friendlyName: "phone",
                    timeStep: 60,
                    skew: 0,
                    codeLength: 8,
                    algorithm: "sha256"
                )
            )
            #expect(factor.status == "unverified")
            #expect(factor.bindingSecret.count == 32)
            #expect(factor.bindingURI.hasPrefix("otpauth://totp/Acme:phone?secret=\(factor.bindingSecret)&"))
            #expect([factor.timeStep, factor.skew, factor.codeLength] == [60, 0, 8])
            #expect(factor.algorithm == "sha256")
            #expect(factor.identity == identity)
            #expect(factor.entitySID.hasPrefix("YE"))
            let app = try Authenticator(secret: factor.bindingSecret, algorithm: "sha256", digits: 8, timeStep: 60)

            let verified = try await harness.client.verifyTotpFactor(
                VerifyTotpFactorRequest(
                    serviceSID: service,
                    identity: identity,
                    factorSID: factor.sid,
                    code: app.code(at: harness.clock.now)
                )
            )
            #expect(verified.status == "verified")
            #expect(verified.bindingSecret.isEmpty)

            let pending = try await harness.client.createTotpChallenge(
                CreateTotpChallengeRequest(
                    serviceSID: service,
                    identity: identity,
                    factorSID: factor.sid,
                    code: app.wrongCode(at: harness.clock.now)
                )
            )
            #expect(pending.status == "pending")
            #expect(pending.dateResponded.isEmpty)
            #expect(pending.respondedReason == "none")

            let approved = try await harness.client.checkTotpChallenge(
                CheckTotpChallengeRequest(
                    serviceSID: service,
                    identity: identity,
                    challengeSID: pending.sid,
                    code: app.code(at: harness.clock.now)
                )
            )
            #expect(approved.status == "approved")
            #expect(approved.dateResponded == "2025-01-01T12:00:00Z")
            #expect(approved.factorSID == factor.sid)

            let unknown = await #expect(throws: RPCError.self) {
                _ = try await harness.client.verifyTotpFactor(
                    VerifyTotpFactorRequest(
                        serviceSID: service,
                        identity: identity,
                        factorSID: "YF" + String(repeating: "0", count: 32),
                        code: "12345678"
                    )
                )
            }
            #expect(unknown?.code == .notFound)
        }
    }

    @Test("60310 and 60308 are RESOURCE_EXHAUSTED and not retryable")
    func totpLimits() async throws {
        try await VerifyHarness.with { harness in
            let factor = try await harness.client.createTotpFactor(
                CreateTotpFactorRequest(serviceSID: service, identity: identity, friendlyName: "phone")
            )
            let app = try Authenticator(secret: factor.bindingSecret)
            let attempt = VerifyTotpFactorRequest(
                serviceSID: service,
                identity: identity,
                factorSID: factor.sid,
                code: app.wrongCode(at: harness.clock.now)
            )
            for _ in 1...5 {
                _ = try await harness.client.verifyTotpFactor(attempt)
            }
            let error = await #expect(throws: RPCError.self) {
                _ = try await harness.client.verifyTotpFactor(attempt)
            }
            #expect(error?.code == .resourceExhausted)
            #expect(error?.errorDetails?.twilioCode == 60310)
            #expect(error?.errorDetails?.retryable == false)
        }
    }
}
