internal import Foundation
internal import GatewayTestSupport
internal import SecureTransport
internal import Testing

@Suite("The TLS private key file: encrypted keys and file modes")
struct TLSKeyFileTests {
    /// A copy of the test server key at a fresh path with `mode`.
    static func keyCopy(mode: Int, _ certificates: TestCertificates) throws -> String {
        let path = certificates.directory + "/copy-\(UUID().uuidString).key"
        try FileManager.default.copyItem(atPath: certificates.privateKeyPath, toPath: path)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test("an encrypted key is refused at once, without asking for a pass phrase")
    func encryptedKey() async throws {
        let certificates = try await TestCertificates.shared
        let path = certificates.directory + "/encrypted-\(UUID().uuidString).key"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try await PythonPeer.runCommand([
            "openssl", "pkey", "-in", certificates.privateKeyPath, "-out", path, "-aes256", "-passout", "pass:phrase",
        ])
        try #require(result.exitCode == 0, "\(result.stderr)")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)

        let error = try #require(throws: TLSError.self) {
            try TLSServerContext(certificateChainPath: certificates.certificatePath, privateKeyPath: path)
        }
        #expect(error.message == "the private key in \(path) is encrypted; give an unencrypted PEM key")
    }

    @Test(
        "a key others can read, or others than its owner can write, is refused; 0640 is taken and flagged",
        arguments: [(0o600, true), (0o400, true), (0o640, true), (0o644, false), (0o604, false), (0o660, false)]
    )
    func keyFileMode(mode: Int, isAccepted: Bool) async throws {
        let certificates = try await TestCertificates.shared
        let path = try Self.keyCopy(mode: mode, certificates)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard isAccepted else {
            let error = try #require(throws: TLSError.self) {
                try TLSServerContext(certificateChainPath: certificates.certificatePath, privateKeyPath: path)
            }
            #expect(error.message.contains("chmod 600 \(path)"), "\(error.message)")
            #expect(error.message.contains("mode \(String(mode, radix: 8))"), "\(error.message)")
            return
        }
        let context = try TLSServerContext(certificateChainPath: certificates.certificatePath, privateKeyPath: path)
        #expect(context.privateKeyPath == path)
        #expect(context.isPrivateKeyGroupReadable == (mode & 0o040 != 0))
    }
}
