internal import Foundation
internal import GatewayCrypto
internal import Testing

/// `serve` checks the shape of every SID it reads from the vault, as `credentials set` does for
/// the options, so that a record stored by hand or by an older version never reaches a URL path
/// or the Basic user sent to Twilio.
@Suite("serve checks the shape of the vault's SIDs")
struct VaultSIDShapeTests {
    static let token = "5ec2e7a0ca1b4f9e8d7c6b5a49382716"
    static let apiKeySID = VaultSecretInputTests.apiKeySID

    @Test(
        "serve refuses an Account, API key, Messaging or Verify Service SID of the wrong shape, naming the record",
        arguments: [
            (CredentialVault.accountSID, "AC\u{1B}[2J0123\0", "AC"),
            (CredentialVault.accountSID, "SK" + String(repeating: "0", count: 32), "AC"),
            (CredentialVault.accountSID, "AC" + String(repeating: "0", count: 32) + "\n", "AC"),
            (CredentialVault.accountSID, "AC" + String(repeating: "0", count: 31) + "\u{202E}", "AC"),
            (CredentialVault.apiKeySID, "SK\u{1B}]0;title\u{07}", "SK"),
            (CredentialVault.messagingServiceSID, "MG0123/../../Accounts", "MG"),
            (CredentialVault.verifyServiceSID, "VA" + String(repeating: "g", count: 32), "VA"),
        ]
    )
    func wrongShape(name: String, value: String, prefix: String) async throws {
        let directory = try TemporaryDirectory(prefix: "vault-sid")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let key = CredentialVaultCommandTests.randomKey()
        var records = [CredentialVault.authToken: Array(Self.token.utf8), name: Array(value.utf8)]
        if name == CredentialVault.apiKeySID {
            records[CredentialVault.apiKeySecret] = Array("api-key-secret".utf8)
        }
        try VaultSecretInputTests.vault(records, in: data, key: key)
        // Twilio's address is a closed loopback port, so that nothing leaves the machine even if
        // serve started.
        let serve = try await Program.run(
            GatewayProcess.executablePath,
            ["serve", "--rpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0", "--data-dir", data],
            environment: [
                "GATEWAY_MASTER_KEY": key,
                "TWILIO_API_BASE_URL": "http://127.0.0.1:\(try ClosedPort.make())",
                "TWILIO_VERIFY_BASE_URL": "http://127.0.0.1:\(try ClosedPort.make())",
            ],
            timeLimit: .seconds(10)
        )
        #expect(serve.termination.status != 0, "\(serve)")
        #expect(
            serve.errorOutput.contains(
                "vault record \(name) in \(data)/vault.json is not \(prefix) followed by 32 hex digits"
            ),
            "\(serve)"
        )
        #expect(serve.errorOutput.contains("store it again with 'credentials set'"), "\(serve)")
        for text in [serve.output, serve.errorOutput] {
            #expect(!text.contains("\u{1B}") && !text.contains("\0") && !text.contains("\u{202E}"), "\(serve)")
            #expect(!text.contains("2J") && !text.contains("title") && !text.contains("Accounts"), "\(serve)")
        }
    }

    @Test("serve starts with SIDs of the right shape in either case of hex digits")
    func rightShape() async throws {
        let directory = try TemporaryDirectory(prefix: "vault-sid")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let key = CredentialVaultCommandTests.randomKey()
        try VaultSecretInputTests.vault(
            [
                CredentialVault.authToken: Array(Self.token.utf8),
                CredentialVault.apiKeySID: Array(("SK" + String(repeating: "aB", count: 16)).utf8),
                CredentialVault.apiKeySecret: Array("api-key-secret".utf8),
                CredentialVault.messagingServiceSID: Array(("MG" + String(repeating: "F0", count: 16)).utf8),
                CredentialVault.verifyServiceSID: Array(("VA" + String(repeating: "9c", count: 16)).utf8),
            ],
            in: data,
            key: key
        )
        let gateway = try await GatewayProcess.start(
            arguments: ["--data-dir", data],
            environment: [
                "GATEWAY_MASTER_KEY": key,
                "TWILIO_API_BASE_URL": "http://127.0.0.1:\(try ClosedPort.make())",
                "TWILIO_VERIFY_BASE_URL": "http://127.0.0.1:\(try ClosedPort.make())",
            ]
        )
        let stop = await gateway.stop()
        #expect(stop.termination.status == 0 && !stop.killed, "\(stop)")
    }
}
