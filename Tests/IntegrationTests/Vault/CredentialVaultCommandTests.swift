internal import Foundation
internal import GatewayAPI
internal import GatewayClient
internal import GatewayCrypto
internal import HTTPServer
internal import RPCCore
internal import Testing
internal import TwilioREST

/// `credentials set|show|rotate-key` and a gateway that takes its Twilio credentials from the vault.
@Suite("The credential vault from the command line and in serve")
struct CredentialVaultCommandTests {
    static let token = "5ec2e7a0ca1b4f9e8d7c6b5a49382716"
    static let accountSID = "AC" + String(repeating: "c", count: 32)

    static let publicURL = "https://gw.example.test"

    /// A stand-in for Twilio that queues every message and refuses every call with 20003, so a
    /// run both uses the token and turns Twilio's error into RPC and GraphQL errors.
    static var twilioRefusingCalls: [String: Any] {
        [
            "routes": [
                [
                    "method": "POST", "path": "/2010-04-01/Accounts/\(accountSID)/Calls.json", "status": 401,
                    "json": [
                        "code": 20003, "message": "Authenticate", "status": 401,
                        "more_info": "https://www.twilio.com/docs/errors/20003",
                    ] as [String: Any],
                ] as [String: Any]
            ],
            "default": ["status": 201, "json": TwilioFixtures.queuedMessage] as [String: Any],
        ]
    }

    /// Posts a message status callback to the gateway on `port`, signed with `key` as Twilio
    /// signs with the Auth Token, and returns the HTTP status.
    static func postStatusWebhook(port: Int, signedWith key: String) async throws -> Int {
        let fields: [(name: String, value: String)] = [
            ("MessageSid", TwilioFixtures.messageSID), ("MessageStatus", "delivered"), ("AccountSid", accountSID),
            ("From", "+15557654321"), ("To", "+15551234567"), ("ApiVersion", "2010-04-01"),
        ]
        let path = "/webhooks/twilio/status"
        let request = WebhookRequest(
            method: .post,
            url: "http://127.0.0.1:\(port)\(path)",
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("X-Twilio-Signature", TwilioSignature.sign(url: publicURL + path, parameters: fields, authToken: key)),
            ],
            body: Array(HTTPForm(fields).encoded.utf8)
        )
        let client = try WebhookClient(connectTimeout: .seconds(2), requestTimeout: .seconds(5))
        return try await client.send(request).status
    }

    static func randomKey() -> String {
        Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
    }

    static func credentials(
        _ arguments: [String],
        dataDirectory: String,
        environment: [String: String],
        input: String = ""
    )
        async throws -> Program.Outcome
    {
        try await Program.run(
            GatewayProcess.executablePath,
            ["credentials"] + arguments + ["--data-dir", dataDirectory],
            environment: environment,
            input: input
        )
    }

    /// Every file under `directory`, read as bytes.
    static func contents(under directory: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var texts: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: directory + "/" + name) {
                texts.append(String(decoding: data, as: UTF8.self))
            }
        }
        return texts
    }

    /// Changes one bit of the record `name`'s ciphertext in the vault file at `url`.
    static func flipFirstCiphertextByte(of name: String, in url: URL) throws {
        var file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var records = try #require(file["records"] as? [String: Any])
        var record = try #require(records[name] as? [String: String])
        var bytes = [UInt8](try #require(Data(base64Encoded: record["ciphertext"] ?? "")))
        bytes[0] ^= 1
        record["ciphertext"] = Data(bytes).base64EncodedString()
        records[name] = record
        file["records"] = records
        try JSONSerialization.data(withJSONObject: file).write(to: url)
    }

    @Test("set, show, rotate-key, then a full live run at trace level; the token is nowhere in clear")
    func lifecycle() async throws {
        let directory = try TemporaryDirectory(prefix: "vault")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let oldKey = ["GATEWAY_MASTER_KEY": Self.randomKey()]
        var seen: [String] = []

        let set = try await Self.credentials(
            ["set", "--account-sid", Self.accountSID],
            dataDirectory: data,
            environment: oldKey,
            input: Self.token + "\n"
        )
        #expect(set.termination.status == 0, "\(set)")
        let show = try await Self.credentials(["show"], dataDirectory: data, environment: oldKey)
        #expect(show.termination.status == 0, "\(show)")
        #expect(show.output.contains(Self.accountSID))
        #expect(show.output.contains("auth token:            ********\(Self.token.suffix(4))\n"), "\(show)")

        let newKey = Self.randomKey()
        let rotate = try await Self.credentials(
            ["rotate-key"],
            dataDirectory: data,
            environment: oldKey.merging(["GATEWAY_NEW_MASTER_KEY": newKey]) { _, new in new }
        )
        #expect(rotate.termination.status == 0, "\(rotate)")
        let stale = try await Self.credentials(["show"], dataDirectory: data, environment: oldKey)
        #expect(stale.termination.status == 1)
        #expect(stale.errorOutput.contains("failed its integrity check"), "\(stale)")
        seen += [set.output, set.errorOutput, show.output, show.errorOutput, rotate.output, rotate.errorOutput]
        seen += [stale.output, stale.errorOutput]

        let twilio = try await RecordingServer.start(Self.twilioRefusingCalls)
        let environment = [
            "GATEWAY_MASTER_KEY": newKey, "TWILIO_API_BASE_URL": twilio.baseURL,
            "GATEWAY_PUBLIC_URL": Self.publicURL,
        ]
        try await withGateway(arguments: ["--data-dir", data, "--log-level", "trace"], environment: environment) {
            gateway in
            #expect(gateway.mode == "live")
            let rpcErrors = try await withGatewayClient(port: try gateway.requireRPCPort()) { client in
                let sent = try await client.sendSms(
                    SendSmsRequest(to: "+15551234567", sender: .from("+15557654321"), body: "hello")
                )
                #expect(sent.sid == TwilioFixtures.messageSID)
                let (refused, _) = try await expectRPCError {
                    try await client.makeCall(
                        MakeCallRequest(to: "+15551234567", from: "+15557654321", instructions: .twiml("<Response/>"))
                    )
                }
                return ["\(refused)"]
            }
            seen += rpcErrors
            let graphQL = try await HTTPClient.postGraphQL(
                #"mutation { twilio_makeCall(input: {to: "+15551234567", from: "+15557654321", twimlUrl: "https://app.example.test/voice"}) { sid } }"#,
                port: gateway.httpPort
            )
            #expect(graphQL.body.contains("errors"), "\(graphQL.body)")
            seen += [graphQL.body]
            #expect(try await Self.postStatusWebhook(port: gateway.httpPort, signedWith: Self.token) == 204)
            #expect(try await Self.postStatusWebhook(port: gateway.httpPort, signedWith: "not-the-token") == 403)
            await gateway.stop()
            seen += gateway.rawLogs
        }
        let requests = twilio.requests
        await twilio.stop()
        let send = try #require(requests.first { $0.path?.hasSuffix("/Messages.json") == true }, "\(requests)")
        #expect(send.basicCredentials?.password == Self.token, "the decrypted token reached Twilio")
        let files = Self.contents(under: data)
        #expect(files.contains { $0.contains("\"twilio.auth_token\"") }, "the vault is among the files searched")
        seen += files
        for text in seen {
            #expect(!text.contains(Self.token))
        }
    }

    @Test("rotate-key refuses the current key as the new one, and keys with spaces around them are trimmed")
    func rotateToSameKey() async throws {
        let directory = try TemporaryDirectory(prefix: "vault")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let key = Self.randomKey()
        let set = try await Self.credentials(
            ["set", "--account-sid", Self.accountSID],
            dataDirectory: data,
            environment: ["GATEWAY_MASTER_KEY": key + "\n"],
            input: Self.token
        )
        #expect(set.termination.status == 0, "\(set)")
        let before = try Data(contentsOf: URL(fileURLWithPath: data + "/vault.json"))
        let rotate = try await Self.credentials(
            ["rotate-key"],
            dataDirectory: data,
            environment: ["GATEWAY_MASTER_KEY": key, "GATEWAY_NEW_MASTER_KEY": "  " + key + "\n"]
        )
        #expect(rotate.termination.status == 1, "\(rotate)")
        #expect(rotate.errorOutput.contains("the new master key is the current one"), "\(rotate)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: data + "/vault.json")) == before)
    }

    @Test("serve refuses a wrong key, a tampered record (named), no key, an exposed key file and a short key")
    func refusals() async throws {
        let directory = try TemporaryDirectory(prefix: "vault")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let key = Self.randomKey()
        let set = try await Self.credentials(
            ["set", "--account-sid", Self.accountSID],
            dataDirectory: data,
            environment: ["GATEWAY_MASTER_KEY": key],
            input: Self.token
        )
        #expect(set.termination.status == 0, "\(set)")
        let serve = ["serve", "--rpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0", "--data-dir", data]

        let wrong = try await Program.run(
            GatewayProcess.executablePath,
            serve,
            environment: ["GATEWAY_MASTER_KEY": Self.randomKey()]
        )
        #expect(wrong.termination.status != 0)
        #expect(wrong.errorOutput.contains("vault record twilio."), "\(wrong)")

        let vaultURL = URL(fileURLWithPath: data + "/vault.json")
        let original = try Data(contentsOf: vaultURL)
        try Self.flipFirstCiphertextByte(of: "twilio.auth_token", in: vaultURL)
        let tampered = try await Program.run(
            GatewayProcess.executablePath,
            serve,
            environment: ["GATEWAY_MASTER_KEY": key]
        )
        #expect(tampered.termination.status != 0)
        #expect(tampered.errorOutput.contains("vault record twilio.auth_token failed"), "\(tampered)")
        try original.write(to: vaultURL)

        let missing = try await Program.run(GatewayProcess.executablePath, serve)
        #expect(missing.termination.status != 0)
        #expect(missing.errorOutput.contains("GATEWAY_MASTER_KEY"), "\(missing)")

        let keyFile = directory.url.path + "/master.key"
        try Data(key.utf8).write(to: URL(fileURLWithPath: keyFile))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile)
        let exposed = try await Program.run(
            GatewayProcess.executablePath,
            serve,
            environment: ["GATEWAY_MASTER_KEY_FILE": keyFile]
        )
        #expect(exposed.termination.status != 0)
        #expect(exposed.errorOutput.contains("chmod 600"), "\(exposed)")

        let short = try await Program.run(
            GatewayProcess.executablePath,
            serve,
            environment: ["GATEWAY_MASTER_KEY": Data(repeating: 7, count: 16).base64EncodedString()]
        )
        #expect(short.termination.status != 0)
        #expect(short.errorOutput.contains("exactly 32"), "\(short)")
        for outcome in [wrong, tampered, missing, exposed, short] {
            #expect(!outcome.errorOutput.contains(Self.token))
            #expect(!outcome.output.contains(Self.token))
        }
    }
}
