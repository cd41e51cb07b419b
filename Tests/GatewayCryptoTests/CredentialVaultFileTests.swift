import Foundation
import GatewayCrypto
import Testing

@Suite("Credential vault files that are not vaults: empty, garbage, missing fields, directories")
struct CredentialVaultFileTests {
    private static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "vault-file-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(
        "a file that does not decode as a vault is named, with what is wrong and what to do",
        arguments: [
            ("", "is not a vault file: it is empty"),
            (" \n", "is not a vault file: it is empty"),
            ("garbage\u{1B}[31m", "is not a vault file: it is not JSON"),
            ("[1, 2]", "is not a vault file: it is JSON but not an object with version and records"),
            ("{}", #"is not a vault file: the field "version" is missing"#),
            (#"{"version": 2}"#, #"is not a vault file: the field "records" is missing"#),
            (#"{"version": "2", "records": {}}"#, #"the field "version" has the wrong type (it must be a number)"#),
            (
                #"{"version": 2, "records": {"twilio.auth_token": {"nonce": "AA==", "tag": "AA=="}}}"#,
                #"the field "ciphertext" of vault record twilio.auth_token is missing"#
            ),
            (
                #"{"version": 2, "records": {"twilio.auth_token": 7}}"#,
                "vault record twilio.auth_token has the wrong type (it must be an object with nonce, ciphertext and tag)"
            ),
        ]
    )
    func notAVault(text: String, reason: String) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + CredentialVault.fileName
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let error = try #require(throws: CredentialVaultError.self) { try CredentialVault.load(path: path) }
        #expect(error.message.hasPrefix("\(path) is not a vault file: "), "\(error.message)")
        #expect(error.message.contains(reason), "\(error.message)")
        #expect(
            error.message.hasSuffix(
                "restore vault.json from a backup, or move it away and store the credentials again with "
                    + "'credentials set'"
            ),
            "\(error.message)"
        )
        for internals in ["DecodingError", "dataCorrupted", "Debug description", "CodingKeys", "Swift."] {
            #expect(!error.message.contains(internals), "\(error.message)")
        }
    }

    @Test(
        "a vault path that is a directory is refused as a directory, not with chmod advice",
        arguments: [0o700, 0o755]
    )
    func vaultIsDirectory(mode: Int) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + CredentialVault.fileName
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        let error = try #require(throws: CredentialVaultError.self) { try CredentialVault.load(path: path) }
        #expect(error.message.contains("the vault file \(path) is a directory; the vault must be a file"))
        #expect(error.message.contains("move \(path) away"))
        #expect(!error.message.contains("chmod"), "\(error.message)")
    }

    @Test("a vault path that is a FIFO is refused as not a regular file")
    func vaultIsFIFO() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + CredentialVault.fileName
        #expect(mkfifo(path, 0o600) == 0)
        let error = try #require(throws: CredentialVaultError.self) { try CredentialVault.load(path: path) }
        #expect(error.message.contains("the vault file \(path) is not a regular file"), "\(error.message)")
    }
}
