internal import Foundation
import Testing

@testable import TwilioREST

/// The Verify v2 endpoints of the client against the recording server: paths on
/// `verifyBaseURL`, form fields in twilio-python's order, and Verify's JSON decoded.
@Suite("TwilioClient Verify")
struct TwilioClientVerifyTests {
    static let serviceSID = "VA00112233445566778899aabbccddeeff"
    static let verificationSID = "VE00112233445566778899aabbccddeeff"
    static let servicePath = "/v2/Services/\(serviceSID)"

    /// A Verification body in the shape of twilio-api.md §4.4.
    static let verificationJSON = """
        {"sid":"\(verificationSID)","service_sid":"\(serviceSID)","account_sid":"\(Fixtures.accountSID)",
         "to":"+15551234567","channel":"sms","status":"pending","valid":false,"lookup":{},"amount":null,"payee":null,
         "send_code_attempts":[{"time":"2025-01-01T12:00:00Z","channel":"SMS",
           "attempt_sid":"VL00112233445566778899aabbccddeeff"}],
         "date_created":"2025-01-01T12:00:00Z","date_updated":"2025-01-01T12:00:01Z","sna":null,
         "url":"https://verify.twilio.com/v2/Services/\(serviceSID)/Verifications/\(verificationSID)"}
        """

    private func client(for server: RecordingServer) throws -> TwilioClient {
        var configuration = Fixtures.configuration(for: server)
        configuration.apiBaseURL = "http://127.0.0.1:9"
        return try Fixtures.client(configuration)
    }

    @Test("createVerification posts To, Channel and the options to verifyBaseURL and decodes the answer")
    func createVerification() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(method: "POST", path: Self.servicePath + "/Verifications", status: 201, json: Self.verificationJSON)
        ])
        let request = CreateVerificationRequest(
            to: "user@example.com",
            channel: "email",
            customFriendlyName: "Acme & Co",
            locale: "pt-BR",
            channelConfiguration: VerificationChannelConfiguration(
                from: "noreply@acme.example",
                fromName: "Zoë \"Z\"",
                templateID: "d-123",
                substitutions: ["plan": "pro", "name": "Zoë"]
            )
        )

        let verification = try await client(for: server).createVerification(serviceSID: Self.serviceSID, request)

        let recorded = try #require(try server.requests().first)
        #expect(recorded.method == "POST")
        #expect(recorded.path == Self.servicePath + "/Verifications")
        #expect(recorded.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(
            try FormEncoding.decode(bytes: recorded.body) == [
                FormField("To", "user@example.com"),
                FormField("Channel", "email"),
                FormField("CustomFriendlyName", "Acme & Co"),
                FormField("Locale", "pt-BR"),
                FormField(
                    "ChannelConfiguration",
                    #"{"from": "noreply@acme.example", "from_name": "Zo\u00eb \"Z\"", "template_id": "d-123", "#
                        + #""substitutions": {"name": "Zo\u00eb", "plan": "pro"}}"#
                ),
            ]
        )
        #expect(
            verification
                == TwilioVerification(
                    sid: Self.verificationSID,
                    serviceSID: Self.serviceSID,
                    accountSID: Fixtures.accountSID,
                    to: "+15551234567",
                    channel: "sms",
                    status: "pending",
                    valid: false,
                    sendCodeAttempts: [
                        .init(
                            attemptSID: "VL00112233445566778899aabbccddeeff",
                            channel: "SMS",
                            time: "2025-01-01T12:00:00Z"
                        )
                    ],
                    dateCreated: "2025-01-01T12:00:00Z",
                    dateUpdated: "2025-01-01T12:00:01Z",
                    url:
                        "https://verify.twilio.com/v2/Services/\(Self.serviceSID)/Verifications/\(Self.verificationSID)"
                )
        )
    }

    @Test(
        "createVerificationCheck sends Code with To or VerificationSid",
        arguments: [
            (CreateVerificationCheckRequest.Target.to("+15551234567"), FormField("To", "+15551234567")),
            (.verificationSID(verificationSID), FormField("VerificationSid", verificationSID)),
        ]
    )
    func check(target: CreateVerificationCheckRequest.Target, field: FormField) async throws {
        let server = try await RecordingServer.start(routes: [
            Route(
                method: "POST",
                path: Self.servicePath + "/VerificationCheck",
                json: #"{"sid":"\#(Self.verificationSID)","status":"approved","valid":true,"channel":"sms","#
                    + #""to":"+15551234567","date_created":"2025-01-01T12:00:00Z","sna_attempts_error_codes":[]}"#
            )
        ])

        let check = try await client(for: server).createVerificationCheck(
            serviceSID: Self.serviceSID,
            CreateVerificationCheckRequest(code: "123456", target: target)
        )

        let recorded = try #require(try server.requests().first)
        #expect(recorded.path == Self.servicePath + "/VerificationCheck")
        #expect(try FormEncoding.decode(bytes: recorded.body) == [FormField("Code", "123456"), field])
        #expect(check.status == "approved")
        #expect(check.valid == true)
        #expect(check.dateCreated == "2025-01-01T12:00:00Z")
    }

    @Test("fetchVerification is a GET without body; updateVerification posts Status")
    func fetchAndUpdate() async throws {
        let path = Self.servicePath + "/Verifications/" + Self.verificationSID
        let server = try await RecordingServer.start(routes: [Route(path: path, json: Self.verificationJSON)])
        let client = try client(for: server)

        _ = try await client.fetchVerification(serviceSID: Self.serviceSID, sid: Self.verificationSID)
        _ = try await client.updateVerification(
            serviceSID: Self.serviceSID,
            sid: Self.verificationSID,
            status: "canceled"
        )

        let requests = try server.requests()
        #expect(requests.map(\.method) == ["GET", "POST"])
        #expect(requests.map(\.path) == [path, path])
        #expect(requests[0].body.isEmpty)
        #expect(requests[1].bodyText == "Status=canceled")
    }

    @Test("SIDs and identities are percent-encoded into one path segment")
    func pathEncoding() async throws {
        let server = try await RecordingServer.start(routes: [], defaultRoute: Route(json: #"{"sid":"YF1"}"#))

        _ = try await client(for: server).createFactor(
            serviceSID: "VA/..",
            identity: "a b/c",
            CreateFactorRequest(friendlyName: "x")
        )

        #expect(try server.requests().first?.path == "/v2/Services/VA%2F%2E%2E/Entities/a%20b%2Fc/Factors")
    }

    @Test("a . or .. value stays one segment of the path instead of collapsing it", arguments: ["..", "."])
    func dotSegments(sid: String) async throws {
        let server = try await RecordingServer.start(routes: [], defaultRoute: Route(json: Self.verificationJSON))

        _ = try await client(for: server).fetchVerification(serviceSID: Self.serviceSID, sid: sid)
        _ = try await client(for: server).createFactor(
            serviceSID: sid,
            identity: sid,
            CreateFactorRequest(friendlyName: "x")
        )

        let escaped = sid == ".." ? "%2E%2E" : "%2E"
        #expect(
            try server.requests().map(\.path) == [
                Self.servicePath + "/Verifications/" + escaped, "/v2/Services/\(escaped)/Entities/\(escaped)/Factors",
            ]
        )
    }

    @Test("an empty value in the path is refused before anything is sent")
    func emptySegment() async throws {
        let server = try await RecordingServer.start(routes: [], defaultRoute: Route(json: Self.verificationJSON))

        let error = await #expect(throws: TwilioTransportError.self) {
            _ = try await client(for: server).fetchVerification(serviceSID: Self.serviceSID, sid: "")
        }

        #expect(error?.kind == .invalidRequest)
        #expect(try server.requests().isEmpty)
    }

    @Test("createFactor sends FactorType totp with the Config fields and decodes binding and config")
    func createFactor() async throws {
        let path = Self.servicePath + "/Entities/ff483d1f-user-0001/Factors"
        let server = try await RecordingServer.start(routes: [
            Route(
                method: "POST",
                path: path,
                status: 201,
                json: """
                    {"sid":"YF00112233445566778899aabbccddeeff","entity_sid":"YE00112233445566778899aabbccddeeff",
                     "identity":"ff483d1f-user-0001","friendly_name":"phone","status":"unverified","factor_type":"totp",
                     "binding":{"secret":"JBSWY3DPEHPK3PXP","uri":"otpauth://totp/Acme:phone?secret=JBSWY3DPEHPK3PXP"},
                     "config":{"alg":"sha256","skew":0,"code_length":8,"time_step":60},"options":null,"metadata":null,
                     "date_created":"2025-01-01T12:00:00Z","date_updated":"2025-01-01T12:00:00Z"}
                    """
            )
        ])

        let factor = try await client(for: server).createFactor(
            serviceSID: Self.serviceSID,
            identity: "ff483d1f-user-0001",
            CreateFactorRequest(
                friendlyName: "phone",
                bindingSecret: "JBSWY3DPEHPK3PXP",
                timeStep: 60,
                skew: 0,
                codeLength: 8,
                algorithm: "sha256"
            )
        )

        let recorded = try #require(try server.requests().first)
        #expect(
            try FormEncoding.decode(bytes: recorded.body) == [
                FormField("FriendlyName", "phone"), FormField("FactorType", "totp"),
                FormField("Binding.Secret", "JBSWY3DPEHPK3PXP"), FormField("Config.TimeStep", "60"),
                FormField("Config.Skew", "0"), FormField("Config.CodeLength", "8"), FormField("Config.Alg", "sha256"),
            ]
        )
        #expect(
            factor.binding
                == TwilioFactor.Binding(
                    secret: "JBSWY3DPEHPK3PXP",
                    uri: "otpauth://totp/Acme:phone?secret=JBSWY3DPEHPK3PXP"
                )
        )
        #expect(factor.config == TwilioFactor.Config(timeStep: 60, skew: 0, codeLength: 8, algorithm: "sha256"))
        #expect(factor.status == "unverified")
        #expect(factor.entitySID == "YE00112233445566778899aabbccddeeff")
    }

    @Test("updateFactor, createChallenge and updateChallenge post AuthPayload to their paths")
    func totpRequests() async throws {
        let entity = Self.servicePath + "/Entities/ff483d1f-user-0001"
        let server = try await RecordingServer.start(routes: [
            Route(path: entity + "/Factors/YF1", json: #"{"sid":"YF1","status":"verified"}"#),
            Route(
                path: entity + "/Challenges",
                status: 201,
                json: #"{"sid":"YC1","status":"approved","factor_sid":"YF1","responded_reason":"none","#
                    + #""date_responded":"2025-01-01T12:00:00Z","expiration_date":"2025-01-01T12:05:00Z"}"#
            ),
            Route(path: entity + "/Challenges/YC1", json: #"{"sid":"YC1","status":"pending"}"#),
        ])
        let client = try client(for: server)

        let factor = try await client.updateFactor(
            serviceSID: Self.serviceSID,
            identity: "ff483d1f-user-0001",
            sid: "YF1",
            authPayload: "123456"
        )
        let created = try await client.createChallenge(
            serviceSID: Self.serviceSID,
            identity: "ff483d1f-user-0001",
            factorSID: "YF1",
            authPayload: "123456"
        )
        let bare = try await client.createChallenge(
            serviceSID: Self.serviceSID,
            identity: "ff483d1f-user-0001",
            factorSID: "YF1",
            authPayload: nil
        )
        let updated = try await client.updateChallenge(
            serviceSID: Self.serviceSID,
            identity: "ff483d1f-user-0001",
            sid: "YC1",
            authPayload: "654321"
        )

        let requests = try server.requests()
        #expect(
            requests.map(\.path) == [
                entity + "/Factors/YF1", entity + "/Challenges", entity + "/Challenges", entity + "/Challenges/YC1",
            ]
        )
        #expect(
            requests.map(\.bodyText) == [
                "AuthPayload=123456", "FactorSid=YF1&AuthPayload=123456", "FactorSid=YF1", "AuthPayload=654321",
            ]
        )
        #expect(factor.status == "verified")
        #expect(created.status == "approved")
        #expect(created.respondedReason == "none")
        #expect(created.expirationDate == "2025-01-01T12:05:00Z")
        #expect(bare.sid == "YC1")
        #expect(updated.status == "pending")
    }

    @Test("Verify errors keep Twilio's code, message and status")
    func errors() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(
                path: Self.servicePath + "/VerificationCheck",
                status: 429,
                json: #"{"code":60202,"message":"Max check attempts reached","#
                    + #""more_info":"https://www.twilio.com/docs/errors/60202","status":429}"#
            )
        ])

        let error = await #expect(throws: TwilioAPIError.self) {
            _ = try await client(for: server).createVerificationCheck(
                serviceSID: Self.serviceSID,
                CreateVerificationCheckRequest(code: "123456", target: .to("+15551234567"))
            )
        }
        #expect(error?.code == 60202)
        #expect(error?.httpStatus == 429)
        #expect(error?.message == "Max check attempts reached")
    }

    @Test(
        "the channel configuration is written as Python's json.dumps writes it",
        arguments: [
            (VerificationChannelConfiguration(), "{}"),
            (VerificationChannelConfiguration(from: "a@b.c"), #"{"from": "a@b.c"}"#),
            (
                VerificationChannelConfiguration(fromName: "tab\tline\nquote\"back\\slash\u{1}\u{7F}"),
                #"{"from_name": "tab\tline\nquote\"back\\slash\u0001\u007f"}"#
            ),
            (
                VerificationChannelConfiguration(templateID: "😀 \u{8}\u{C}\r"),
                #"{"template_id": "\ud83d\ude00 \b\f\r"}"#
            ),
            (
                VerificationChannelConfiguration(substitutions: ["é": "1", "e": "2", "z": "3"]),
                #"{"substitutions": {"e": "2", "z": "3", "\u00e9": "1"}}"#
            ),
        ]
    )
    func channelConfigurationJSON(configuration: VerificationChannelConfiguration, expected: String) {
        #expect(configuration.jsonText == expected)
    }
}
