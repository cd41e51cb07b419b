import Foundation
import GatewayCrypto
import Testing

@Suite("Credential vault")
struct CredentialVaultTests {
    private static let token = "f1e2d3c4b5a69788796a5b4c3d2e1f00"
    private static let names = [
        CredentialVault.accountSID, CredentialVault.authToken, CredentialVault.messagingServiceSID,
        CredentialVault.verifyServiceSID,
    ]

    private static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "vault-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static func filledVault(key: AESGCMKey) throws -> CredentialVault {
        var vault = CredentialVault()
        for name in names {
            let value = name == CredentialVault.authToken ? token : "value of \(name)"
            try vault.seal(Array(value.utf8), name: name, key: key)
        }
        return vault
    }

    private static func text(_ vault: CredentialVault, _ name: String, key: AESGCMKey) throws -> String? {
        try vault.open(name, key: key) { String(decoding: $0, as: UTF8.self) }
    }

    @Test("records round-trip through a 0600 file that holds no secret in clear")
    func fileRoundTrip() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + CredentialVault.fileName
        let key = AESGCMKey.random()
        try Self.filledVault(key: key).save(path: path)

        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let stored = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!stored.contains(Self.token))
        #expect(!stored.contains("value of"))

        let loaded = try #require(try CredentialVault.load(path: path))
        #expect(try Self.text(loaded, CredentialVault.authToken, key: key) == Self.token)
        #expect(try Self.text(loaded, CredentialVault.accountSID, key: key) == "value of twilio.account_sid")
        #expect(try CredentialVault.load(path: directory + "/missing.json") == nil)
        #expect(try Self.text(loaded, "no.such.record", key: key) == nil)
    }

    @Test("a changed byte in any record fails loudly, naming that record", arguments: names)
    func tamperedRecord(name: String) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + CredentialVault.fileName
        let key = AESGCMKey.random()
        let vault = try Self.filledVault(key: key)
        let box = try #require(vault.records[name])
        var ciphertext = box.ciphertext
        ciphertext[0] ^= 0x20
        var records = vault.records
        records[name] = try AESGCMSealedBox(nonce: box.nonce, ciphertext: ciphertext, tag: box.tag)
        try CredentialVault(records: records, manifest: vault.manifest).save(path: path)

        let loaded = try #require(try CredentialVault.load(path: path))
        let error = #expect(throws: CredentialVaultError.self) { try Self.text(loaded, name, key: key) }
        #expect(error?.message.contains("vault record \(name) failed its integrity check") == true)
        #expect(error?.message.contains(Self.token) == false)
        for other in Self.names where other != name {
            #expect(try Self.text(loaded, other, key: key) != nil)
        }
    }

    @Test("a record copied under another name does not open")
    func swappedRecord() throws {
        let key = AESGCMKey.random()
        let vault = try Self.filledVault(key: key)
        var records = vault.records
        records[CredentialVault.accountSID] = records[CredentialVault.authToken]
        let error = #expect(throws: CredentialVaultError.self) {
            try Self.text(CredentialVault(records: records), CredentialVault.accountSID, key: key)
        }
        #expect(error?.message.contains(CredentialVault.accountSID) == true)
    }

    @Test("a file that is not a vault is refused with its path")
    func malformedFile() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + CredentialVault.fileName
        try Data(#"{"version":1,"records":{"twilio.auth_token":{"nonce":"!!","ciphertext":"","tag":""}}}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let error = #expect(throws: CredentialVaultError.self) { try CredentialVault.load(path: path) }
        #expect(error?.message.contains("twilio.auth_token") == true)
    }

    @Test("rotation reseals every record under the new key only")
    func rotation() throws {
        let oldKey = AESGCMKey.random()
        let newKey = AESGCMKey.random()
        let vault = try Self.filledVault(key: oldKey)
        let rotated = try vault.resealed(from: oldKey, to: newKey)
        #expect(Set(rotated.records.keys) == Set(Self.names))
        for name in Self.names {
            #expect(try Self.text(rotated, name, key: newKey) == Self.text(vault, name, key: oldKey))
            #expect(throws: CredentialVaultError.self) { try Self.text(rotated, name, key: oldKey) }
        }
        #expect(throws: CredentialVaultError.self) { try vault.resealed(from: newKey, to: oldKey) }
    }

    @Test("a master key from the environment is accepted when it is 32 random bytes, spaces around it ignored")
    func environmentKey() throws {
        let bytes = SecureRandom.bytes(32)
        let key = try VaultMasterKey.load(environment: [VaultMasterKey.keyVariable: Data(bytes).base64EncodedString()])
        #expect(key == (try AESGCMKey(bytes: bytes)))
        let padded = " \t" + Data(bytes).base64EncodedString() + "\n"
        #expect(try VaultMasterKey.load(environment: [VaultMasterKey.keyVariable: padded]) == key)
        #expect(try VaultMasterKey.load(environment: [VaultMasterKey.keyVariable: " \n"]) == nil)
        #expect(try VaultMasterKey.load(environment: [:]) == nil)
    }

    @Test(
        "weak or malformed master keys are refused with a reason",
        arguments: [
            (Data(SecureRandom.bytes(16)).base64EncodedString(), "is 16 bytes"),
            (Data([UInt8](repeating: 0, count: 32)).base64EncodedString(), "too regular"),
            (Data(Array("passwordpasswordpasswordpassword".utf8)).base64EncodedString(), "too regular"),
            (Data(Array("The quick brown fox jumps over t".utf8)).base64EncodedString(), "looks like a passphrase"),
            ("not base64 at all!", "not Base64"),
        ]
    )
    func weakKeys(text: String, reason: String) {
        let error = #expect(throws: CredentialVaultError.self) {
            try VaultMasterKey.load(environment: [VaultMasterKey.keyVariable: text])
        }
        #expect(error?.message.contains(reason) == true)
        #expect(error?.message.contains(text) == false)
    }

    @Test(
        "a key file readable by group or others is refused; an owner-only one is read",
        arguments: [0o644, 0o640, 0o604, 0o600, 0o400]
    )
    func keyFileMode(mode: Int) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/master.key"
        let bytes = SecureRandom.bytes(32)
        try Data((Data(bytes).base64EncodedString() + "\n").utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        let environment = [VaultMasterKey.fileVariable: path]
        if mode & 0o077 == 0 {
            #expect(try VaultMasterKey.load(environment: environment) == (try AESGCMKey(bytes: bytes)))
        } else {
            let error = #expect(throws: CredentialVaultError.self) { try VaultMasterKey.load(environment: environment) }
            #expect(error?.message.contains("chmod 600") == true)
        }
    }

    @Test("setting both the key and the key file is refused")
    func bothSources() {
        #expect(throws: CredentialVaultError.self) {
            try VaultMasterKey.load(environment: [
                VaultMasterKey.keyVariable: Data(SecureRandom.bytes(32)).base64EncodedString(),
                VaultMasterKey.fileVariable: "/nonexistent",
            ])
        }
    }
}
