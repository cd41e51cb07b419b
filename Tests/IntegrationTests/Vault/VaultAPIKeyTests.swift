internal import Foundation
internal import GatewayAPI
internal import GatewayClient
internal import RPCCore
internal import Testing

/// The vault's optional records: an API key that authenticates requests instead of the Auth
/// Token, and the default Messaging and Verify Services, used by serve against a recording
/// stand-in for Twilio.
@Suite("The vault's API key and default service SIDs")
struct VaultAPIKeyTests {
    static let accountSID = TwilioFixtures.accountSID
    static let token = "70ce4a1b2c3d4e5f60718293a4b5c6d7"
    static let apiKey = "SK" + String(repeating: "5a", count: 16)
    static let apiKeySecret = "s3cr3tK3yV4lu3-9f8e7d6c5b4a3210"
    static let messagingService = "MG" + String(repeating: "7b", count: 16)
    static let verifyService = "VA" + String(repeating: "3c", count: 16)

    static var verificationJSON: [String: Any] {
        [
            "sid": "VE" + String(repeating: "1d", count: 16), "service_sid": verifyService, "account_sid": accountSID,
            "to": "+15551234567", "channel": "sms", "status": "pending", "valid": false,
            "date_created": "2025-01-01T12:00:00Z", "date_updated": "2025-01-01T12:00:01Z",
        ]
    }

    @Test("set stores the API key and the service SIDs, show masks the secret, serve uses all of them")
    func apiKeyAndDefaults() async throws {
        let directory = try TemporaryDirectory(prefix: "vault-key")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let key = ["GATEWAY_MASTER_KEY": CredentialVaultCommandTests.randomKey()]
        var seen: [String] = []

        let setToken = try await CredentialVaultCommandTests.credentials(
            [
                "set", "--account-sid", Self.accountSID, "--messaging-service-sid", Self.messagingService,
                "--verify-service-sid", Self.verifyService,
            ],
            dataDirectory: data,
            environment: key,
            input: Self.token + "\n"
        )
        #expect(setToken.termination.status == 0, "\(setToken)")
        let setKey = try await CredentialVaultCommandTests.credentials(
            ["set", "--account-sid", Self.accountSID, "--api-key", Self.apiKey],
            dataDirectory: data,
            environment: key,
            input: Self.apiKeySecret + "\n"
        )
        #expect(setKey.termination.status == 0, "\(setKey)")
        let show = try await CredentialVaultCommandTests.credentials(["show"], dataDirectory: data, environment: key)
        #expect(show.termination.status == 0, "\(show)")
        for line in [
            "api key sid:           \(Self.apiKey)", "messaging service sid: \(Self.messagingService)",
            "verify service sid:    \(Self.verifyService)", "api key secret:        ***",
            "auth token:            ***",
        ] {
            #expect(show.output.contains(line), "\(line) in \(show.output)")
        }
        seen += [setToken.output, setToken.errorOutput, setKey.output, setKey.errorOutput, show.output]

        let twilio = try await RecordingServer.start([
            "routes": [
                [
                    "method": "POST", "path": "/v2/Services/\(Self.verifyService)/Verifications", "status": 201,
                    "json": Self.verificationJSON,
                ] as [String: Any]
            ],
            "default": ["status": 201, "json": TwilioFixtures.queuedMessage] as [String: Any],
        ])
        let environment = key.merging(
            ["TWILIO_API_BASE_URL": twilio.baseURL, "TWILIO_VERIFY_BASE_URL": twilio.baseURL]
        ) { _, new in new }
        try await withGateway(arguments: ["--data-dir", data], environment: environment) { gateway in
            #expect(gateway.mode == "live")
            try await withGatewayClient(port: try gateway.requireRPCPort()) { client in
                let message = try await client.sendSms(SendSmsRequest(to: "+15551234567", body: "hello"))
                #expect(message.sid == TwilioFixtures.messageSID)
                let verification = try await client.startVerification(
                    StartVerificationRequest(to: "+15551234567", channel: "sms")
                )
                #expect(verification.serviceSID == Self.verifyService)
            }
            await gateway.stop()
            seen += gateway.rawLogs
        }
        let requests = twilio.requests
        await twilio.stop()

        let send = try #require(requests.first { $0.path == TwilioFixtures.messagesPath }, "\(requests)")
        #expect(send.form["MessagingServiceSid"] == Self.messagingService)
        #expect(send.basicCredentials?.user == Self.apiKey)
        #expect(send.basicCredentials?.password == Self.apiKeySecret)
        let start = try #require(requests.first { $0.path?.hasPrefix("/v2/Services/") == true }, "\(requests)")
        #expect(start.path == "/v2/Services/\(Self.verifyService)/Verifications")
        #expect(start.basicCredentials?.user == Self.apiKey)

        let files = CredentialVaultCommandTests.contents(under: data)
        #expect(files.contains { $0.contains("\"twilio.api_key_secret\"") }, "the vault is among the files searched")
        seen += files
        for text in seen {
            #expect(!text.contains(Self.apiKeySecret))
            #expect(!text.contains(Self.token))
        }
    }

    @Test(
        "set refuses SIDs of the wrong shape, naming the option",
        arguments: [
            ["--account-sid", "AC123"], ["--api-key", "AK" + String(repeating: "0", count: 32)],
            ["--messaging-service-sid", "MG" + String(repeating: "g", count: 32)],
            ["--verify-service-sid", "VA" + String(repeating: "0", count: 31)],
        ]
    )
    func wrongShapes(_ option: [String]) async throws {
        let directory = try TemporaryDirectory(prefix: "vault-shape")
        defer { directory.remove() }
        var arguments = ["set"] + option
        if option[0] != "--account-sid" {
            arguments += ["--account-sid", Self.accountSID]
        }
        let outcome = try await CredentialVaultCommandTests.credentials(
            arguments,
            dataDirectory: directory.url.path + "/data",
            environment: ["GATEWAY_MASTER_KEY": CredentialVaultCommandTests.randomKey()],
            input: Self.apiKeySecret
        )
        #expect(outcome.termination.status != 0, "\(outcome)")
        #expect(outcome.errorOutput.contains("\(option[0]) must be"), "\(outcome)")
        #expect(!outcome.errorOutput.contains(Self.apiKeySecret))
    }

    @Test(
        "a SID variable of the wrong shape, or an Auth Token that is not printable ASCII, stops serve, naming the variable",
        arguments: [
            (["TWILIO_MESSAGING_SERVICE_SID": "MG1"], "TWILIO_MESSAGING_SERVICE_SID must be MG"),
            (
                ["TWILIO_VERIFY_SERVICE_SID": "VA" + String(repeating: "x", count: 32)],
                "TWILIO_VERIFY_SERVICE_SID must be VA"
            ),
            (["TWILIO_ACCOUNT_SID": "AC12", "TWILIO_AUTH_TOKEN": token], "TWILIO_ACCOUNT_SID must be AC"),
            (
                ["TWILIO_ACCOUNT_SID": accountSID, "TWILIO_AUTH_TOKEN": token + "\u{1B}[31m"],
                "TWILIO_AUTH_TOKEN holds a control character",
            ),
            (["TWILIO_ACCOUNT_SID": accountSID, "TWILIO_AUTH_TOKEN": "two words"], "TWILIO_AUTH_TOKEN holds a space"),
            (
                ["TWILIO_ACCOUNT_SID": accountSID, "TWILIO_AUTH_TOKEN": String(repeating: token, count: 9)],
                "TWILIO_AUTH_TOKEN is longer than 256 bytes",
            ),
        ]
    )
    func wrongVariable(environment: [String: String], message: String) async throws {
        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            ["serve", "--rpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0"],
            environment: environment,
            timeLimit: .seconds(10)
        )
        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.errorOutput.contains(message), "\(outcome)")
        #expect(!outcome.errorOutput.contains(Self.token))
    }
}
