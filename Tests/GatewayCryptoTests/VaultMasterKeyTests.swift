import Foundation
import GatewayCrypto
import Testing

@Suite("Vault master key sources: hex text and key file paths")
struct VaultMasterKeyTests {
    private static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "master-key-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// 32 random bytes as `openssl rand -hex 32` writes them.
    private static func hexKey() -> String {
        SecureRandom.bytes(32).map { String(format: "%02x", $0) }.joined()
    }

    @Test(
        "a key of 64 hex digits is refused with a hint to use Base64, from either variable",
        arguments: [
            ("GATEWAY_MASTER_KEY", "GATEWAY_MASTER_KEY_FILE"),
            ("GATEWAY_NEW_MASTER_KEY", "GATEWAY_NEW_MASTER_KEY_FILE"),
        ]
    )
    func hexKeyInVariable(keyVariable: String, fileVariable: String) {
        for hex in [Self.hexKey(), Self.hexKey().uppercased(), " " + Self.hexKey() + "\n"] {
            let error = #expect(throws: CredentialVaultError.self) {
                try VaultMasterKey.load(
                    environment: [keyVariable: hex],
                    keyVariable: keyVariable,
                    fileVariable: fileVariable
                )
            }
            #expect(
                error?.message.contains("from \(keyVariable) looks like hex (64 hex digits), not Base64") == true,
                "\(String(describing: error))"
            )
            #expect(error?.message.contains("`openssl rand -base64 32`") == true)
            #expect(error?.message.contains("48 bytes") == false)
            #expect(error?.message.contains(hex.trimmingCharacters(in: .whitespacesAndNewlines)) == false)
        }
    }

    @Test("a key file of 64 hex digits is refused with the same hint, naming the file")
    func hexKeyInFile() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/master.key"
        try Data((Self.hexKey() + "\n").utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let error = #expect(throws: CredentialVaultError.self) {
            try VaultMasterKey.load(environment: [VaultMasterKey.fileVariable: path])
        }
        #expect(
            error?.message.contains("from \(path) looks like hex (64 hex digits)") == true,
            "\(String(describing: error))"
        )
        #expect(error?.message.contains("`openssl rand -base64 32`") == true)
    }

    @Test(
        "hex of another length is refused with its own count of digits and no `-hex N` command",
        arguments: [16, 24, 32, 48]
    )
    func hexKeyOfOtherLengths(bytes: Int) {
        let hex = SecureRandom.bytes(bytes).map { String(format: "%02x", $0) }.joined()
        let error = #expect(throws: CredentialVaultError.self) {
            try VaultMasterKey.load(environment: [VaultMasterKey.keyVariable: hex])
        }
        let message = error?.message ?? ""
        #expect(message.contains("looks like hex (\(bytes * 2) hex digits), not Base64"), "\(message)")
        #expect(message.contains("make one with `openssl rand -base64 32`"), "\(message)")
        #expect(!message.contains("-hex"), "\(message)")
        #expect(!message.contains(hex), "\(message)")
    }

    @Test("a Base64 key that happens to hold hex letters is still read")
    func base64KeyIsNotHex() throws {
        let bytes = SecureRandom.bytes(32)
        let key = try VaultMasterKey.load(environment: [VaultMasterKey.keyVariable: Data(bytes).base64EncodedString()])
        #expect(key == (try AESGCMKey(bytes: bytes)))
    }

    @Test(
        "a key file path that is a directory is refused as a directory, not with chmod advice",
        arguments: [0o700, 0o755]
    )
    func keyFileIsDirectory(mode: Int) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/keys"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        let error = #expect(throws: CredentialVaultError.self) {
            try VaultMasterKey.load(environment: [VaultMasterKey.fileVariable: path])
        }
        #expect(
            error?.message.contains("\(path) named by GATEWAY_MASTER_KEY_FILE is a directory") == true,
            "\(String(describing: error))"
        )
        #expect(error?.message.contains("chmod") == false)
    }
}
