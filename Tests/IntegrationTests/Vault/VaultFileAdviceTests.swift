internal import Foundation
internal import GatewayTestSupport
internal import Testing

/// The advice the commands give for files that are not what they should be: a vault that is not
/// a vault, a directory where a file belongs, swapped TLS files and a master key in hex.
@Suite("Messages for vault, key and TLS files of the wrong kind")
struct VaultFileAdviceTests {
    static let accountSID = CredentialVaultCommandTests.accountSID
    static let serve = ["serve", "--rpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0", "--data-dir"]

    @Test(
        "show, set and serve name an empty or garbage vault.json as not a vault, and say what to do",
        arguments: [
            ("", "it is empty"), ("garbage\n", "it is not JSON"),
            (#"{"records": {}}"#, #"the field "version" is missing"#),
        ]
    )
    func notAVault(text: String, reason: String) async throws {
        let directory = try TemporaryDirectory(prefix: "vault-advice")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let path = data + "/vault.json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let key = CredentialVaultCommandTests.randomKey()
        let show = try await VaultHardeningTests.credentials(["show"], data, key: key)
        let set = try await VaultHardeningTests.credentials(
            ["set", "--account-sid", Self.accountSID],
            data,
            key: key,
            input: CredentialVaultCommandTests.token
        )
        let served = try await Program.run(
            GatewayProcess.executablePath,
            Self.serve + [data],
            environment: ["GATEWAY_MASTER_KEY": key]
        )
        for outcome in [show, set, served] {
            #expect(outcome.termination.status == 1, "\(outcome)")
            #expect(outcome.errorOutput.contains("\(path) is not a vault file: \(reason)"), "\(outcome)")
            #expect(outcome.errorOutput.contains("restore vault.json from a backup, or move it away"), "\(outcome)")
            #expect(!outcome.errorOutput.contains("DecodingError"), "\(outcome)")
            #expect(!outcome.errorOutput.contains("Debug description"), "\(outcome)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(text.utf8))
    }

    @Test("a vault.json, master key file or --api-key-file that is a directory is named a directory")
    func directories() async throws {
        let directory = try TemporaryDirectory(prefix: "vault-advice")
        defer { directory.remove() }
        let shared = directory.url.path + "/shared"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: shared)
        let data = directory.url.path + "/data"
        try FileManager.default.createDirectory(atPath: data + "/vault.json", withIntermediateDirectories: true)
        let key = CredentialVaultCommandTests.randomKey()

        let show = try await VaultHardeningTests.credentials(["show"], data, key: key)
        let served = try await Program.run(
            GatewayProcess.executablePath,
            Self.serve + [data],
            environment: ["GATEWAY_MASTER_KEY": key]
        )
        for outcome in [show, served] {
            #expect(outcome.termination.status == 1, "\(outcome)")
            #expect(outcome.errorOutput.contains("the vault file \(data)/vault.json is a directory"), "\(outcome)")
        }

        let keyFile = try await CredentialVaultCommandTests.credentials(
            ["show"],
            dataDirectory: directory.url.path + "/other",
            environment: ["GATEWAY_MASTER_KEY_FILE": shared]
        )
        #expect(keyFile.termination.status == 1, "\(keyFile)")
        #expect(
            keyFile.errorOutput.contains("the key file \(shared) named by GATEWAY_MASTER_KEY_FILE is a directory"),
            "\(keyFile)"
        )

        let port = try ClosedPort.make()
        let send = try await Program.run(
            GatewayProcess.executablePath,
            [
                "send-sms", "--rpc-addr", "127.0.0.1:\(port)", "--to", "+15551234567", "--from", "+15557654321",
                "--body", "hello", "--api-key-file", shared,
            ]
        )
        #expect(send.termination.status == 64, "\(send)")
        #expect(send.errorOutput.contains("--api-key-file: '\(shared)' is a directory"), "\(send)")

        let tls = try await Program.run(
            GatewayProcess.executablePath,
            Self.serve + [directory.url.path + "/tls-data", "--tls-cert", shared, "--tls-key", shared],
            timeLimit: .seconds(10)
        )
        #expect(tls.termination.status == 64, "\(tls)")
        #expect(tls.errorOutput.contains("the TLS certificate chain \(shared) is a directory"), "\(tls)")
        for outcome in [show, served, keyFile, send, tls] {
            #expect(!outcome.errorOutput.contains("chmod"), "\(outcome)")
        }
    }

    @Test("serve with the certificate and key files swapped says so, not that the certificate's mode is wrong")
    func swappedTLSFiles() async throws {
        let certificates = try await TestCertificates.shared
        let directory = try TemporaryDirectory(prefix: "vault-advice")
        defer { directory.remove() }
        let certificate = directory.url.path + "/cert.pem"
        let key = directory.url.path + "/key.pem"
        try FileManager.default.copyItem(atPath: certificates.certificatePath, toPath: certificate)
        try FileManager.default.copyItem(atPath: certificates.privateKeyPath, toPath: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: certificate)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key)
        let swapped = try await Program.run(
            GatewayProcess.executablePath,
            Self.serve + [directory.url.path + "/data", "--tls-cert", key, "--tls-key", certificate],
            timeLimit: .seconds(10)
        )
        #expect(swapped.termination.status == 64, "\(swapped)")
        #expect(
            swapped.errorOutput.contains(
                "the TLS private key file \(certificate) holds a certificate, not a private key"
            ),
            "\(swapped)"
        )
        #expect(swapped.errorOutput.contains("the two look swapped"), "\(swapped)")
        #expect(!swapped.errorOutput.contains("chmod"), "\(swapped)")
    }

    @Test("credentials refuses a master key in hex, current or new, saying to use openssl rand -base64 32")
    func hexMasterKey() async throws {
        let directory = try TemporaryDirectory(prefix: "vault-advice")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let hex = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let key = CredentialVaultCommandTests.randomKey()
        let set = try await VaultHardeningTests.credentials(
            ["set", "--account-sid", Self.accountSID],
            data,
            key: hex,
            input: CredentialVaultCommandTests.token
        )
        let set2 = try await VaultHardeningTests.credentials(
            ["set", "--account-sid", Self.accountSID],
            data,
            key: key,
            input: CredentialVaultCommandTests.token
        )
        #expect(set2.termination.status == 0, "\(set2)")
        let rotate = try await CredentialVaultCommandTests.credentials(
            ["rotate-key"],
            dataDirectory: data,
            environment: ["GATEWAY_MASTER_KEY": key, "GATEWAY_NEW_MASTER_KEY": hex]
        )
        for (outcome, variable) in [(set, "GATEWAY_MASTER_KEY"), (rotate, "GATEWAY_NEW_MASTER_KEY")] {
            #expect(outcome.termination.status == 1, "\(outcome)")
            #expect(
                outcome.errorOutput.contains("the master key from \(variable) looks like hex (64 hex digits)"),
                "\(outcome)"
            )
            #expect(outcome.errorOutput.contains("`openssl rand -base64 32`"), "\(outcome)")
            #expect(!outcome.errorOutput.contains(hex), "\(outcome)")
        }
    }
}
