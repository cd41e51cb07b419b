import GatewayAPI
import GatewayClient
import GraphQL
import Testing
import TwilioREST
import TwilioSandbox

/// Every Verify operation through the GraphQL gateway derived from verify.proto, against the
/// sandbox, the documented ones exactly as the integration's documentation writes them.
@Suite("Verify over GraphQL")
struct VerifyGraphQLTests {
    private let service = VerifyHarness.serviceSID
    private let identity = "ff483d1f-user-0001"

    @Test("the documented start and check run as written")
    func documentedOperations() async throws {
        try await VerifyHarness.with { harness in
            let started = await harness.graphQL(
                """
                mutation {
                  twilio_startVerification(input: {
                    serviceSid: "\(service)"
                    to: "+15551234567"
                    channel: "sms"
                  }) {
                    sid
                    status
                  }
                }
                """
            )
            #expect(started.errors.isEmpty)
            let sid = try #require(started.data?["twilio_startVerification"]?["sid"]?.stringValue)
            #expect(sid.hasPrefix("VE") && sid.count == 34)
            #expect(started.data?["twilio_startVerification"]?["status"] == "pending")

            let checked = await harness.graphQL(
                """
                mutation {
                  twilio_checkVerification(input: {
                    serviceSid: "\(service)"
                    to: "+15551234567"
                    code: "123456"
                  }) {
                    valid
                    status
                  }
                }
                """
            )
            let lucky = try harness.latestCode(to: "+15551234567") == "123456"
            #expect(
                checked.jsonString()
                    == (lucky
                        ? #"{"data":{"twilio_checkVerification":{"valid":true,"status":"approved"}}}"#
                        : #"{"data":{"twilio_checkVerification":{"valid":false,"status":"pending"}}}"#)
            )
        }
    }

    @Test("GetVerification is the query twilio_verification(serviceSid, sid); CancelVerification a mutation")
    func fetchAndCancel() async throws {
        try await VerifyHarness.with { harness in
            let started = try await harness.client.startVerification(
                .init(serviceSID: service, to: "+15551234567", channel: "call")
            )

            let fetched = await harness.graphQL(
                """
                { twilio_verification(serviceSid: "\(service)", sid: "\(started.sid)") {
                    sid status channel to valid accountSid sendCodeAttempts { channel attemptSid } } }
                """
            )
            #expect(fetched.errors.isEmpty)
            let verification = try #require(fetched.data?["twilio_verification"])
            #expect(verification["sid"]?.stringValue == started.sid)
            #expect(verification["status"] == "pending")
            #expect(verification["channel"] == "call")
            #expect(verification["valid"] == false)
            #expect(verification["sendCodeAttempts"]?.listValue?.count == 1)

            let canceled = await harness.graphQL(
                """
                mutation { twilio_cancelVerification(input: {serviceSid: "\(service)", sid: "\(started.sid)"}) {
                    sid status } }
                """
            )
            #expect(canceled.data?["twilio_cancelVerification"]?["status"] == "canceled")

            let gone = await harness.graphQL(
                #"{ twilio_verification(serviceSid: "\#(service)", sid: "\#(started.sid)") { status } }"#
            )
            let error = try #require(gone.errors.first)
            #expect(error.extensions?["code"] == "NOT_FOUND")
            #expect(error.extensions?["twilioCode"] == 20404)
            #expect(error.extensions?["httpStatus"] == 404)
            #expect(error.extensions?["retryable"] == false)
        }
    }

    @Test("an email verification takes a channel configuration and a custom friendly name")
    func email() async throws {
        try await VerifyHarness.with { harness in
            let response = await harness.graphQL(
                """
                mutation {
                  twilio_startVerification(input: {
                    serviceSid: "\(service)"
                    to: "user@example.com"
                    channel: "email"
                    locale: "de"
                    customFriendlyName: "Acme Shop"
                    channelConfiguration: {
                      from: "noreply@acme.example", fromName: "Acme", templateId: "d-123"
                      substitutions: [{key: "name", value: "Zoë"}]
                    }
                  }) { status channel to }
                }
                """
            )
            #expect(response.errors.isEmpty)
            #expect(response.data?["twilio_startVerification"]?["channel"] == "email")
            let delivery = try #require(harness.sandbox.deliveries(to: "user@example.com").last)
            #expect(delivery.from == "Acme <noreply@acme.example>")
            #expect(delivery.locale == "de")
            #expect(delivery.body.contains("Acme Shop"))
        }
    }

    @Test("a check by verification SID approves with the code from the inbox")
    func checkBySID() async throws {
        try await VerifyHarness.with { harness in
            let started = try await harness.client.startVerification(
                .init(serviceSID: service, to: "+15551234567", channel: "whatsapp")
            )
            let code = try harness.latestCode(to: "+15551234567")
            let response = await harness.graphQL(
                """
                mutation Check($code: String!) {
                  twilio_checkVerification(input: {serviceSid: "\(service)", verificationSid: "\(started.sid)",
                    code: $code}) { sid valid status channel }
                }
                """,
                variables: ["code": .string(code)]
            )
            #expect(
                response.jsonString()
                    == #"{"data":{"twilio_checkVerification":{"sid":"\#(started.sid)","valid":true,"#
                    + #""status":"approved","channel":"whatsapp"}}}"#
            )
        }
    }

    @Test("a verification SID that would change Twilio's path is INVALID_ARGUMENT, and Twilio is not called")
    func pathSegments() async throws {
        try await VerifyHarness.with { harness in
            for sid in ["..", ".", "VE%2F..", "../Verifications"] {
                let response = await harness.graphQL(
                    #"{ twilio_verification(serviceSid: "\#(service)", sid: "\#(sid)") { status } }"#
                )
                let error = try #require(response.errors.first, "\(sid)")
                #expect(error.extensions?["code"] == "INVALID_ARGUMENT", "\(sid)")
                #expect(error.extensions?["fieldViolations"]?.listValue?.first?["field"] == "sid", "\(sid)")
            }
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }

    @Test("the channel is checked by the gateway, its allowed values in the error and the schema")
    func channelValidation() async throws {
        try await VerifyHarness.with { harness in
            let response = await harness.graphQL(
                """
                mutation { twilio_startVerification(input: {serviceSid: "\(service)", to: "+15551234567",
                  channel: "fax"}) { sid } }
                """
            )
            let error = try #require(response.errors.first)
            #expect(error.extensions?["code"] == "INVALID_ARGUMENT")
            #expect(error.message.contains("sms, call, email, whatsapp"))
            #expect(error.extensions?["fieldViolations"]?.listValue?.first?["field"] == "channel")
            #expect(harness.sandbox.receivedRequests.isEmpty)

            let schema = await harness.graphQL(
                #"{ __type(name: "StartVerificationInput") { inputFields { name description } } }"#
            )
            let fields = try #require(schema.data?["__type"]?["inputFields"]?.listValue)
            let channel = try #require(fields.first { $0["name"] == "channel" })
            #expect(channel["description"]?.stringValue?.contains("sms, call, email or") == true)
            #expect(channel["description"]?.stringValue?.contains("whatsapp") == true)
        }
    }

    @Test("to and verificationSid together are refused as a oneof")
    func oneof() async throws {
        try await VerifyHarness.with { harness in
            let response = await harness.graphQL(
                """
                mutation { twilio_checkVerification(input: {serviceSid: "\(service)", to: "+15551234567",
                  verificationSid: "VE\(String(repeating: "0", count: 32))", code: "123456"}) { status } }
                """
            )
            let error = try #require(response.errors.first)
            #expect(error.extensions?["code"] == "INVALID_ARGUMENT")
            #expect(error.message.contains("Only one of to, verificationSid may be set"))
        }
    }

    @Test("the attempt limits are RESOURCE_EXHAUSTED and not retryable, with Twilio's code")
    func limits() async throws {
        try await VerifyHarness.with { harness in
            let start =
                """
                mutation { twilio_startVerification(input: {serviceSid: "\(service)", to: "+15551234567",
                  channel: "sms"}) { status } }
                """
            for _ in 1...5 {
                #expect(await harness.graphQL(start).errors.isEmpty)
            }
            let sends = await harness.graphQL(start)
            #expect(sends.errors.first?.extensions?["code"] == "RESOURCE_EXHAUSTED")
            #expect(sends.errors.first?.extensions?["twilioCode"] == 60203)
            #expect(sends.errors.first?.extensions?["retryable"] == false)

            let code = try harness.latestCode(to: "+15551234567")
            let wrong = code == "000000" ? "111111" : "000000"
            let check =
                """
                mutation { twilio_checkVerification(input: {serviceSid: "\(service)", to: "+15551234567",
                  code: "\(wrong)"}) { status } }
                """
            for _ in 1...5 {
                #expect(await harness.graphQL(check).data?["twilio_checkVerification"]?["status"] == "pending")
            }
            let checks = await harness.graphQL(check)
            #expect(checks.errors.first?.extensions?["code"] == "RESOURCE_EXHAUSTED")
            #expect(checks.errors.first?.extensions?["twilioCode"] == 60202)
            #expect(checks.errors.first?.extensions?["httpStatus"] == 429)
            #expect(checks.errors.first?.extensions?["retryable"] == false)
        }
    }

    @Test("the TOTP mutations create, verify and challenge a factor")
    func totp() async throws {
        try await VerifyHarness.with { harness in
            let created = await harness.graphQL(
                """
                mutation { twilio_createTotpFactor(input: {serviceSid: "\(service)", identity: "\(identity)",
                  friendlyName: "phone", skew: 1}) {
                    sid status bindingSecret bindingUri timeStep codeLength algorithm } }
                """
            )
            #expect(created.errors.isEmpty)
            let factor = try #require(created.data?["twilio_createTotpFactor"])
            #expect(factor["status"] == "unverified")
            #expect(factor["timeStep"] == 30)
            #expect(factor["codeLength"] == 6)
            #expect(factor["algorithm"] == "sha1")
            let sid = try #require(factor["sid"]?.stringValue)
            let app = try Authenticator(secret: try #require(factor["bindingSecret"]?.stringValue))
            #expect(factor["bindingUri"]?.stringValue?.hasPrefix("otpauth://totp/Acme:phone?") == true)

            let verified = await harness.graphQL(
                """
                mutation { twilio_verifyTotpFactor(input: {serviceSid: "\(service)", identity: "\(identity)",
                  factorSid: "\(sid)", code: "\(app.code(at: harness.clock.now))"}) { status bindingSecret } }
                """
            )
            #expect(
                verified.jsonString()
                    == #"{"data":{"twilio_verifyTotpFactor":{"status":"verified","bindingSecret":""}}}"#
            )

            let challenge = await harness.graphQL(
                """
                mutation { twilio_createTotpChallenge(input: {serviceSid: "\(service)", identity: "\(identity)",
                  factorSid: "\(sid)"}) { sid status } }
                """
            )
            let challengeSID = try #require(challenge.data?["twilio_createTotpChallenge"]?["sid"]?.stringValue)
            #expect(challenge.data?["twilio_createTotpChallenge"]?["status"] == "pending")

            let answered = await harness.graphQL(
                """
                mutation { twilio_checkTotpChallenge(input: {serviceSid: "\(service)", identity: "\(identity)",
                  challengeSid: "\(challengeSID)", code: "\(app.code(at: harness.clock.now))"}) {
                  status respondedReason factorSid } }
                """
            )
            #expect(
                answered.jsonString()
                    == #"{"data":{"twilio_checkTotpChallenge":{"status":"approved","respondedReason":"none","#
                    + #""factorSid":"\#(sid)"}}}"#
            )
        }
    }
}
