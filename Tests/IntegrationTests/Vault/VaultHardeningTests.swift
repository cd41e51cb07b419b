internal import Foundation
internal import GatewayCrypto
internal import GatewayTestSupport
internal import Testing

/// `credentials set` with the wrong key or odd input, deleted vault records, and the modes of
/// the files the gateway writes.
@Suite("Vault and data directory hardening")
struct VaultHardeningTests {
    static let token = CredentialVaultCommandTests.token
    static let accountSID = CredentialVaultCommandTests.accountSID
    static let messagingServiceSID = "MG" + String(repeating: "d", count: 32)
    static let apiKeySID = "SK" + String(repeating: "e", count: 32)

    static func credentials(
        _ arguments: [String],
        _ data: String,
        key: String,
        input: String = ""
    ) async throws -> Program.Outcome {
        try await CredentialVaultCommandTests.credentials(
            arguments,
            dataDirectory: data,
            environment: ["GATEWAY_MASTER_KEY": key],
            input: input
        )
    }

    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("set with a master key other than the vault's changes nothing and names the record")
    func setWithAnotherKey() async throws {
        let directory = try TemporaryDirectory(prefix: "vault")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let firstKey = CredentialVaultCommandTests.randomKey()
        let first = try await Self.credentials(
            ["set", "--account-sid", Self.accountSID, "--messaging-service-sid", Self.messagingServiceSID],
            data,
            key: firstKey,
            input: Self.token + "\n"
        )
        #expect(first.termination.status == 0, "\(first)")
        let vaultPath = data + "/vault.json"
        let before = try Data(contentsOf: URL(fileURLWithPath: vaultPath))

        let second = try await Self.credentials(
            ["set", "--account-sid", Self.accountSID],
            data,
            key: CredentialVaultCommandTests.randomKey(),
            input: "another-token\n"
        )
        #expect(second.termination.status == 1, "\(second)")
        #expect(second.errorOutput.contains("nothing was changed"), "\(second)")
        #expect(second.errorOutput.contains("vault record twilio.account_sid"), "\(second)")
        #expect(second.errorOutput.contains("the key is not this vault's"), "\(second)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: vaultPath)) == before)

        let show = try await Self.credentials(["show"], data, key: firstKey)
        #expect(show.termination.status == 0, "\(show)")
        #expect(show.output.contains(Self.messagingServiceSID), "\(show)")
        #expect(show.output.contains("*" + Self.token.suffix(4)), "\(show)")
    }

    @Test(
        "a record deleted from vault.json makes show and serve fail, naming it",
        arguments: ["twilio.auth_token", "twilio.messaging_service_sid", "twilio.api_key_secret", "vault.manifest"]
    )
    func deletedRecord(name: String) async throws {
        let directory = try TemporaryDirectory(prefix: "vault")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let key = CredentialVaultCommandTests.randomKey()
        let token = try await Self.credentials(
            ["set", "--account-sid", Self.accountSID, "--messaging-service-sid", Self.messagingServiceSID],
            data,
            key: key,
            input: Self.token + "\n"
        )
        #expect(token.termination.status == 0, "\(token)")
        let apiKey = try await Self.credentials(
            ["set", "--account-sid", Self.accountSID, "--api-key", Self.apiKeySID],
            data,
            key: key,
            input: "api-key-secret\n"
        )
        #expect(apiKey.termination.status == 0, "\(apiKey)")

        let url = URL(fileURLWithPath: data + "/vault.json")
        var file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var records = try #require(file["records"] as? [String: Any])
        #expect(records.removeValue(forKey: name) != nil)
        file["records"] = records
        try JSONSerialization.data(withJSONObject: file).write(to: url)

        let show = try await Self.credentials(["show"], data, key: key)
        #expect(show.termination.status == 1, "\(show)")
        #expect(show.errorOutput.contains(name), "\(show)")
        let serve = try await Program.run(
            GatewayProcess.executablePath,
            ["serve", "--rpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0", "--data-dir", data],
            environment: ["GATEWAY_MASTER_KEY": key]
        )
        #expect(serve.termination.status != 0, "\(serve)")
        #expect(serve.errorOutput.contains(name), "\(serve)")
    }

    @Test("a version 1 vault (no manifest) is read with a note, and set rewrites it as version 2")
    func versionOneVault() async throws {
        let directory = try TemporaryDirectory(prefix: "vault")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let text = CredentialVaultCommandTests.randomKey()
        let key = try #require(try VaultMasterKey.load(environment: [VaultMasterKey.keyVariable: text]))
        var records: [String: AESGCMSealedBox] = [:]
        for (name, value) in [(CredentialVault.accountSID, Self.accountSID), (CredentialVault.authToken, Self.token)] {
            records[name] = try AESGCM.seal(Array(value.utf8), key: key, associatedData: Array(name.utf8))
        }
        let path = data + "/" + CredentialVault.fileName
        try CredentialVault(records: records, version: 1).save(path: path)

        let old = try await Self.credentials(["show"], data, key: text)
        #expect(old.termination.status == 0, "\(old)")
        #expect(old.output.contains("*" + Self.token.suffix(4)), "\(old)")
        #expect(old.errorOutput.contains("is a version 1 vault"), "\(old)")

        let set = try await Self.credentials(
            ["set", "--account-sid", Self.accountSID, "--api-key", Self.apiKeySID],
            data,
            key: text,
            input: "api-key-secret\n"
        )
        #expect(set.termination.status == 0, "\(set)")
        let upgraded = try #require(try CredentialVault.load(path: path))
        #expect(upgraded.version == 2)
        try upgraded.verify(key: key)
        let show = try await Self.credentials(["show"], data, key: text)
        #expect(show.termination.status == 0, "\(show)")
        #expect(show.output.contains("*" + Self.token.suffix(4)), "\(show)")
        #expect(show.output.contains(Self.apiKeySID), "\(show)")
        #expect(show.errorOutput.isEmpty, "\(show)")
    }

    @Test(
        "set reads exactly one line: one line end is dropped, more lines or outer blanks are refused",
        arguments: [
            ("tok-one-line-1234", nil), ("tok-one-line-1234\n", nil), ("tok-one-line-1234\r\n", nil),
            ("tok1\ntok2 garbage\n", "more than one line"), ("tok-one-line-1234\n\n", "more than one line"),
            ("tok\rmore", "more than one line"), ("tok-one-line-1234 \n", "space or tab"),
            ("\ttok-one-line-1234", "space or tab"), ("\n", "give the Auth Token on standard input"),
        ] as [(String, String?)]
    )
    func oneLine(input: String, refusal: String?) async throws {
        let directory = try TemporaryDirectory(prefix: "vault")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let key = CredentialVaultCommandTests.randomKey()
        let set = try await Self.credentials(["set", "--account-sid", Self.accountSID], data, key: key, input: input)
        guard let refusal else {
            #expect(set.termination.status == 0, "\(set)")
            let show = try await Self.credentials(["show"], data, key: key)
            #expect(show.output.contains("auth token:            ********1234\n"), "\(show)")
            return
        }
        #expect(set.termination.status == 64, "\(set)")
        #expect(set.errorOutput.contains(refusal), "\(set)")
        #expect(!FileManager.default.fileExists(atPath: data + "/vault.json"))
    }

    @Test("set creates the data directory 0700 and the vault 0600; keys create writes owner-only files")
    func commandFileModes() async throws {
        let directory = try TemporaryDirectory(prefix: "vault")
        defer { directory.remove() }
        let data = directory.url.path + "/new/data"
        let set = try await Self.credentials(
            ["set", "--account-sid", Self.accountSID],
            data,
            key: CredentialVaultCommandTests.randomKey(),
            input: Self.token
        )
        #expect(set.termination.status == 0, "\(set)")
        #expect(try Self.mode(data) == 0o700)
        #expect(try Self.mode(directory.url.path + "/new") == 0o700)
        #expect(try Self.mode(data + "/vault.json") == 0o600)

        let keys = directory.url.path + "/keys"
        let create = try await Program.run(
            GatewayProcess.executablePath,
            ["keys", "create", "--name", "modes", "--data-dir", keys]
        )
        #expect(create.termination.status == 0, "\(create)")
        let names = try FileManager.default.contentsOfDirectory(atPath: keys)
        #expect(names.contains("gateway.sqlite3"), "\(names)")
        for name in names {
            #expect(try Self.mode(keys + "/" + name) & 0o077 == 0, "\(name)")
        }
    }

    @Test("serve writes owner-only files and warns once about a data directory others can reach")
    func serveFileModes() async throws {
        let directory = try TemporaryDirectory(prefix: "vault")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        try FileManager.default.createDirectory(
            atPath: data,
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755]
        )
        try await withGateway(arguments: ["--data-dir", data]) { gateway in
            let warnings = gateway.logs.filter { $0["msg"] == "gateway.data_dir.exposed" }
            #expect(warnings.count == 1, "\(gateway.rawLogs)")
            #expect(warnings.first?["data_dir.mode"] == "755")
            let names = try FileManager.default.contentsOfDirectory(atPath: data)
            #expect(names.contains("gateway.sqlite3") && names.contains("events.sqlite3"), "\(names)")
            for name in names {
                #expect(try Self.mode(data + "/" + name) & 0o077 == 0, "\(name)")
            }
        }

        let fresh = directory.url.path + "/fresh"
        try await withGateway(arguments: ["--data-dir", fresh]) { gateway in
            #expect(!gateway.logs.contains { $0["msg"] == "gateway.data_dir.exposed" })
        }
        #expect(try Self.mode(fresh) == 0o700)
    }

    @Test(
        "serve, credentials and keys refuse a data directory group or others can write, naming it and its mode",
        arguments: [0o775, 0o757, 0o777, 0o1777]
    )
    func writableDataDirectory(mode: Int) async throws {
        let directory = try TemporaryDirectory(prefix: "vault")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: data)
        let key = ["GATEWAY_MASTER_KEY": CredentialVaultCommandTests.randomKey()]
        let runs: [(arguments: [String], environment: [String: String], input: String)] = [
            (["serve", "--rpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0"], [:], ""),
            (["credentials", "set", "--account-sid", Self.accountSID], key, Self.token),
            (["credentials", "show"], key, ""),
            (["keys", "create", "--name", "web"], [:], ""),
            (["keys", "list"], [:], ""),
        ]
        for run in runs {
            let outcome = try await Program.run(
                GatewayProcess.executablePath,
                run.arguments + ["--data-dir", data],
                environment: run.environment,
                input: run.input
            )
            #expect(outcome.termination.status != 0, "\(run.arguments) \(outcome)")
            #expect(
                outcome.errorOutput.contains("the data directory '\(data)' has mode \(String(mode, radix: 8))"),
                "\(outcome)"
            )
            #expect(outcome.errorOutput.contains("chmod 700 \(data)"), "\(outcome)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: data).isEmpty)
    }

    @Test("an --api-key-file group or others can read is refused like the master key file")
    func exposedAPIKeyFile() async throws {
        let directory = try TemporaryDirectory(prefix: "vault")
        defer { directory.remove() }
        let keyFile = directory.file("api.key")
        try Data("gw_not_a_real_key\n".utf8).write(to: keyFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile.path)
        let port = try ClosedPort.make()
        let send = try await Program.run(
            GatewayProcess.executablePath,
            [
                "send-sms", "--rpc-addr", "127.0.0.1:\(port)", "--to", "+15551234567", "--from", "+15557654321",
                "--body", "hello", "--api-key-file", keyFile.path,
            ]
        )
        #expect(send.termination.status == 64, "\(send)")
        #expect(send.errorOutput.contains("chmod 600 \(keyFile.path)"), "\(send)")
        #expect(!send.errorOutput.contains("gw_not_a_real_key"))
    }

    @Test("serve refuses an encrypted (no prompt, even on a terminal) or world-readable TLS key, warns about 0640")
    func tlsKeyFiles() async throws {
        let certificates = try await TestCertificates.shared
        let directory = try TemporaryDirectory(prefix: "vault")
        defer { directory.remove() }
        let encrypted = directory.url.path + "/encrypted.key"
        let result = try await PythonPeer.runCommand([
            "openssl", "pkey", "-in", certificates.privateKeyPath, "-out", encrypted, "-aes256", "-passout", "pass:x",
        ])
        try #require(result.exitCode == 0, "\(result.stderr)")
        let exposed = directory.url.path + "/exposed.key"
        let grouped = directory.url.path + "/grouped.key"
        for (path, mode) in [(encrypted, 0o600), (exposed, 0o644), (grouped, 0o640)] {
            if path != encrypted {
                try FileManager.default.copyItem(atPath: certificates.privateKeyPath, toPath: path)
            }
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }
        let serve = ["serve", "--rpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0", "--data-dir"]
        for (path, message) in [
            (encrypted, "the private key in \(encrypted) is encrypted; give an unencrypted PEM key"),
            (exposed, "run `chmod 600 \(exposed)`"),
        ] {
            let refused = try await Program.run(
                GatewayProcess.executablePath,
                serve + [directory.url.path + "/data", "--tls-cert", certificates.certificatePath, "--tls-key", path],
                timeLimit: .seconds(10)
            )
            #expect(refused.termination.status == 64, "\(refused)")
            #expect(refused.errorOutput.contains(message), "\(refused)")
            #expect(!refused.errorOutput.contains("pass phrase"), "\(refused)")
        }
        let onTerminal = try await PseudoTerminal.run(
            GatewayProcess.executablePath,
            serve + [directory.url.path + "/data", "--tls-cert", certificates.certificatePath, "--tls-key", encrypted],
            interruptWhen: "pass phrase"
        )
        #expect(onTerminal.status == 64, "\(onTerminal)")
        #expect(onTerminal.output.contains("is encrypted; give an unencrypted PEM key"), "\(onTerminal)")
        #expect(!onTerminal.output.contains("pass phrase"), "\(onTerminal)")
        try await withGateway(arguments: ["--tls-cert", certificates.certificatePath, "--tls-key", grouped]) {
            gateway in
            let warning = gateway.logs.first { $0["msg"] == "gateway.tls.key_group_readable" }
            #expect(warning?["tls.key_file"] == grouped, "\(gateway.rawLogs)")
        }
    }
}
