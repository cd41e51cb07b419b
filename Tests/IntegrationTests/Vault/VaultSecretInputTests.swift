internal import Foundation
internal import GatewayCrypto
internal import Testing

/// The bytes a Twilio secret may hold: `credentials set` refuses control characters, spaces,
/// non-ASCII and overlong input; `show` never prints a stored secret's control characters; and
/// `serve` refuses a stored secret it could not send as it is.
@Suite("Vault secrets are printable ASCII of sane length")
struct VaultSecretInputTests {
    static let accountSID = CredentialVaultCommandTests.accountSID
    static let apiKeySID = "SK" + String(repeating: "e", count: 32)

    /// A data directory holding a vault sealed under `key` directly (as an older version or a
    /// hand-made file could have it), with the Account SID and the records in `records`.
    static func vault(_ records: [String: [UInt8]], in data: String, key text: String) throws {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let key = try #require(try VaultMasterKey.load(environment: [VaultMasterKey.keyVariable: text]))
        var vault = CredentialVault()
        try vault.seal(Array(accountSID.utf8), name: CredentialVault.accountSID, key: key)
        for (name, value) in records {
            try vault.seal(value, name: name, key: key)
        }
        try vault.save(path: data + "/" + CredentialVault.fileName)
    }

    @Test(
        "set refuses a secret with a NUL, a control character, a space or a non-ASCII byte, without echoing it",
        arguments: [
            ("ab\0cdPART\u{1B}[31mRED\n", "holds a NUL byte"),
            ("abcdPART\u{1B}[31mRED\n", "holds a control character"),
            ("abcdPART\tRED", "holds a control character"),
            ("abcdPART\u{7F}RED", "holds a control character"),
            ("abcdPART RED", "holds a space"),
            ("abcdPARTr\u{E9}dRED", "holds a byte that is not ASCII"),
        ]
    )
    func refusedBytes(input: String, reason: String) async throws {
        let directory = try TemporaryDirectory(prefix: "vault-secret")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        for apiKey in [false, true] {
            let set = try await VaultHardeningTests.credentials(
                ["set", "--account-sid", Self.accountSID] + (apiKey ? ["--api-key", Self.apiKeySID] : []),
                data,
                key: CredentialVaultCommandTests.randomKey(),
                input: input
            )
            let what = apiKey ? "the API key's secret" : "the Auth Token"
            #expect(set.termination.status == 64, "\(set)")
            #expect(set.errorOutput.contains("\(what) on standard input \(reason)"), "\(set)")
            #expect(
                set.errorOutput.contains("; a Twilio secret is printable ASCII (0x21-0x7E) of at most 256 bytes"),
                "\(set)"
            )
            #expect(!set.errorOutput.contains("PART") && !set.errorOutput.contains("RED"), "\(set)")
            #expect(!set.errorOutput.contains("\u{1B}"), "\(set)")
            #expect(!FileManager.default.fileExists(atPath: data + "/vault.json"))
        }
    }

    @Test("set takes a secret of 256 bytes and refuses 257 or a 10 MB input, without reading it all")
    func length() async throws {
        let directory = try TemporaryDirectory(prefix: "vault-secret")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let key = CredentialVaultCommandTests.randomKey()
        for input in [String(repeating: "a", count: 256) + "\r\n", String(repeating: "b", count: 255) + "WXYZ"] {
            let set = try await VaultHardeningTests.credentials(
                ["set", "--account-sid", Self.accountSID],
                data,
                key: key,
                input: input
            )
            let accepted = input.hasPrefix("a")
            #expect(set.termination.status == (accepted ? 0 : 64), "\(set)")
            if !accepted {
                #expect(set.errorOutput.contains("the Auth Token on standard input is longer than 256 bytes"), "\(set)")
            }
        }
        let show = try await VaultHardeningTests.credentials(["show"], data, key: key)
        #expect(show.output.contains("auth token:            ********aaaa\n"), "\(show)")

        let huge = try await VaultHardeningTests.credentials(
            ["set", "--account-sid", Self.accountSID],
            data,
            key: key,
            input: String(repeating: "0123456789abcdef", count: 655_360)
        )
        #expect(huge.termination.status == 64, "\(huge)")
        #expect(huge.errorOutput.contains("is longer than 256 bytes"), "\(huge)")
        #expect(huge.errorOutput.count < 1_000, "\(huge.errorOutput.count) bytes of messages")
        let after = try await VaultHardeningTests.credentials(["show"], data, key: key)
        #expect(after.output.contains("auth token:            ********aaaa\n"), "\(after)")
    }

    @Test("show masks a stored secret with control characters entirely and escapes them in SIDs")
    func showStoredControlCharacters() async throws {
        let directory = try TemporaryDirectory(prefix: "vault-secret")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let key = CredentialVaultCommandTests.randomKey()
        try Self.vault(
            [
                CredentialVault.authToken: Array("ab\0cd\u{1B}[31mRED".utf8),
                CredentialVault.apiKeySID: Array("SK\u{1B}]0;title\u{07}".utf8),
                CredentialVault.apiKeySecret: Array("secret-of-the-key\u{1B}[2J".utf8),
            ],
            in: data,
            key: key
        )
        let show = try await VaultHardeningTests.credentials(["show"], data, key: key)
        #expect(show.termination.status == 0, "\(show)")
        #expect(show.output.contains("auth token:            ********\n"), "\(show)")
        #expect(show.output.contains("api key secret:        ********\n"), "\(show)")
        #expect(show.output.contains(#"api key sid:           SK\x1b]0;title\x07"#), "\(show)")
        for text in [show.output, show.errorOutput] {
            #expect(!text.contains("\u{1B}") && !text.contains("\0") && !text.contains("\u{07}"), "\(show)")
            #expect(!text.contains("RED") && !text.contains("2J"), "\(show)")
        }
        for name in [CredentialVault.authToken, CredentialVault.apiKeySecret] {
            #expect(show.errorOutput.contains("note: vault record \(name) holds "), "\(show)")
        }
        #expect(show.errorOutput.contains("so serve refuses it; store it again with 'credentials set'"), "\(show)")
    }

    @Test(
        "serve refuses a stored Auth Token or API key secret that is not printable ASCII, naming the record",
        arguments: [
            ([CredentialVault.authToken: Array("ab\0cdRED".utf8)], CredentialVault.authToken, "holds a NUL byte"),
            (
                [
                    CredentialVault.authToken: Array("5ec2e7a0ca1b4f9e8d7c6b5a49382716".utf8),
                    CredentialVault.apiKeySID: Array(VaultSecretInputTests.apiKeySID.utf8),
                    CredentialVault.apiKeySecret: Array("key\u{1B}[31mRED".utf8),
                ],
                CredentialVault.apiKeySecret, "holds a control character"
            ),
        ]
    )
    func serveRefusesStoredSecret(records: [String: [UInt8]], name: String, reason: String) async throws {
        let directory = try TemporaryDirectory(prefix: "vault-secret")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let key = CredentialVaultCommandTests.randomKey()
        try Self.vault(records, in: data, key: key)
        let serve = try await Program.run(
            GatewayProcess.executablePath,
            ["serve", "--rpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0", "--data-dir", data],
            environment: ["GATEWAY_MASTER_KEY": key]
        )
        #expect(serve.termination.status != 0, "\(serve)")
        #expect(serve.errorOutput.contains("vault record \(name) in \(data)/vault.json \(reason)"), "\(serve)")
        #expect(serve.errorOutput.contains("store it again with 'credentials set'"), "\(serve)")
        #expect(!serve.errorOutput.contains("RED") && !serve.errorOutput.contains("\u{1B}"), "\(serve)")
    }
}
