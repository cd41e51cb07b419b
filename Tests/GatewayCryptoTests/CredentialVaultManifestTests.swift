import Foundation
import GatewayCrypto
import Testing

@Suite("Credential vault manifest, format versions and file mode")
struct CredentialVaultManifestTests {
    private static let names = [
        CredentialVault.accountSID, CredentialVault.authToken, CredentialVault.messagingServiceSID,
    ]

    private static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "vault-manifest-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static func filledVault(key: AESGCMKey) throws -> CredentialVault {
        var vault = CredentialVault()
        for name in names {
            try vault.seal(Array("value of \(name)".utf8), name: name, key: key)
        }
        return vault
    }

    /// The vault file at `path` as JSON, changed by `change`, written back with mode 0600.
    private static func edit(_ path: String, _ change: (inout [String: Any], inout [String: Any]) -> Void) throws {
        var file = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        )
        var records = try #require(file["records"] as? [String: Any])
        change(&file, &records)
        file["records"] = records
        try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    @Test("a saved vault has version 2 and a manifest, and verifies", arguments: [1, 3])
    func verifiedRoundTrip(count: Int) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + CredentialVault.fileName
        let key = AESGCMKey.random()
        var vault = CredentialVault()
        for name in Self.names.prefix(count) {
            try vault.seal(Array(name.utf8), name: name, key: key)
        }
        try vault.save(path: path)
        let loaded = try #require(try CredentialVault.load(path: path))
        #expect(loaded == vault)
        #expect(loaded.version == 2)
        #expect(loaded.manifest != nil)
        #expect(loaded.records[CredentialVault.manifestName] == nil)
        try loaded.verify(key: key)
    }

    @Test("a record deleted from the file fails verification, naming it", arguments: names)
    func deletedRecord(name: String) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + CredentialVault.fileName
        let key = AESGCMKey.random()
        try Self.filledVault(key: key).save(path: path)
        try Self.edit(path) { _, records in records[name] = nil }

        let loaded = try #require(try CredentialVault.load(path: path))
        let error = #expect(throws: CredentialVaultError.self) { try loaded.verify(key: key) }
        #expect(error?.message.contains("vault record \(name) is listed in the vault's manifest but missing") == true)
        #expect(error?.message.contains("restore vault.json from a backup, or move it away and store") == true)
        #expect(throws: CredentialVaultError.self) { try loaded.resealed(from: key, to: key) }
    }

    @Test("a record added to the file, even one sealed under the key, fails verification, naming it")
    func addedRecord() throws {
        let key = AESGCMKey.random()
        let vault = try Self.filledVault(key: key)
        var records = vault.records
        let added = "twilio.verify_service_sid"
        records[added] = try AESGCM.seal(Array("VA".utf8), key: key, associatedData: Array("2/\(added)".utf8))
        let tampered = CredentialVault(records: records, manifest: vault.manifest)
        let error = #expect(throws: CredentialVaultError.self) { try tampered.verify(key: key) }
        #expect(error?.message.contains("vault record \(added) is in the file but not in the vault's manifest") == true)
    }

    @Test("a version 2 file without its manifest is refused at load")
    func deletedManifest() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + CredentialVault.fileName
        try Self.filledVault(key: AESGCMKey.random()).save(path: path)
        try Self.edit(path) { _, records in records[CredentialVault.manifestName] = nil }
        let error = #expect(throws: CredentialVaultError.self) { try CredentialVault.load(path: path) }
        #expect(error?.message.contains("has no manifest record vault.manifest") == true)
        #expect(error?.message.contains("restore vault.json from a backup, or move it away and store") == true)
    }

    @Test("a version 2 file turned into version 1 by hand, manifest and a record removed, fails to open")
    func downgradedFile() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + CredentialVault.fileName
        let key = AESGCMKey.random()
        try Self.filledVault(key: key).save(path: path)
        try Self.edit(path) { file, records in
            file["version"] = 1
            records[CredentialVault.manifestName] = nil
            records[CredentialVault.authToken] = nil
        }
        let loaded = try #require(try CredentialVault.load(path: path))
        #expect(loaded.version == 1)
        let error = #expect(throws: CredentialVaultError.self) { try loaded.verify(key: key) }
        #expect(error?.message.contains("vault record twilio.account_sid failed its integrity check") == true)
    }

    @Test("a version 1 vault (no manifest) is read as it is and resealed as version 2")
    func versionOneVault() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + CredentialVault.fileName
        let key = AESGCMKey.random()
        var records: [String: AESGCMSealedBox] = [:]
        for name in Self.names {
            records[name] = try AESGCM.seal(Array("old \(name)".utf8), key: key, associatedData: Array(name.utf8))
        }
        try CredentialVault(records: records, version: 1).save(path: path)
        let stored = try String(contentsOfFile: path, encoding: .utf8)
        #expect(stored.contains("\"version\" : 1"))
        #expect(!stored.contains(CredentialVault.manifestName))

        let old = try #require(try CredentialVault.load(path: path))
        #expect(old.version == 1)
        try old.verify(key: key)
        let token = try old.open(CredentialVault.authToken, key: key) { String(decoding: $0, as: UTF8.self) }
        #expect(token == "old twilio.auth_token")
        var sealing = old
        #expect(throws: CredentialVaultError.self) { try sealing.seal([1], name: "x", key: key) }

        try old.resealed(from: key, to: key).save(path: path)
        let upgraded = try #require(try CredentialVault.load(path: path))
        #expect(upgraded.version == 2)
        try upgraded.verify(key: key)
        for name in Self.names {
            let value = try upgraded.open(name, key: key) { String(decoding: $0, as: UTF8.self) }
            #expect(value == "old \(name)")
        }
    }

    @Test("the manifest name cannot be sealed as a credential")
    func manifestNameReserved() {
        var vault = CredentialVault()
        #expect(throws: CredentialVaultError.self) {
            try vault.seal([1], name: CredentialVault.manifestName, key: AESGCMKey.random())
        }
    }

    @Test("a vault file group or others can reach is refused", arguments: [0o644, 0o640, 0o604, 0o660])
    func exposedFile(mode: Int) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + CredentialVault.fileName
        try Self.filledVault(key: AESGCMKey.random()).save(path: path)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        let error = #expect(throws: CredentialVaultError.self) { try CredentialVault.load(path: path) }
        #expect(error?.message.contains("chmod 600 \(path)") == true)
    }
}
