internal import Foundation
internal import GatewayTestSupport
internal import SecureTransport
internal import Testing

@Suite("TLS files that are not what they are given as: swapped, not a key, a directory, a pipe")
struct TLSFileContentsTests {
    /// A copy of `source` at a fresh path in the test certificates' directory, with `mode`.
    static func copy(_ source: String, mode: Int, _ certificates: TestCertificates) throws -> String {
        let path = certificates.directory + "/copy-\(UUID().uuidString).pem"
        try FileManager.default.copyItem(atPath: source, toPath: path)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test("a certificate given as the key and a key as the certificate are called swapped, whatever the modes")
    func swappedFiles() async throws {
        let certificates = try await TestCertificates.shared
        let certificate = try Self.copy(certificates.certificatePath, mode: 0o644, certificates)
        let key = try Self.copy(certificates.privateKeyPath, mode: 0o600, certificates)
        defer {
            try? FileManager.default.removeItem(atPath: certificate)
            try? FileManager.default.removeItem(atPath: key)
        }
        let error = try #require(throws: TLSError.self) {
            try TLSServerContext(certificateChainPath: key, privateKeyPath: certificate)
        }
        #expect(
            error.message
                == "the TLS private key file \(certificate) holds a certificate, not a private key, and the "
                + "certificate chain file \(key) holds a private key: the two look swapped; give \(certificate) as "
                + "the certificate chain and \(key) as the key"
        )
        #expect(!error.message.contains("chmod"))
        #expect(!error.message.contains("BEGIN"))
    }

    @Test("a certificate given as both files is refused as no key, not for the certificate's mode")
    func certificateAsKey() async throws {
        let certificates = try await TestCertificates.shared
        let certificate = try Self.copy(certificates.certificatePath, mode: 0o644, certificates)
        defer { try? FileManager.default.removeItem(atPath: certificate) }
        let error = try #require(throws: TLSError.self) {
            try TLSServerContext(certificateChainPath: certificates.certificatePath, privateKeyPath: certificate)
        }
        #expect(
            error.message
                == "the TLS private key file \(certificate) holds a certificate, not a private key; give the PEM "
                + "file of the certificate's private key"
        )
    }

    @Test("the private key given as the certificate chain too is named a key, not a certificate")
    func keyAsCertificate() async throws {
        let certificates = try await TestCertificates.shared
        let key = try Self.copy(certificates.privateKeyPath, mode: 0o600, certificates)
        defer { try? FileManager.default.removeItem(atPath: key) }
        let error = try #require(throws: TLSError.self) {
            try TLSServerContext(certificateChainPath: key, privateKeyPath: certificates.privateKeyPath)
        }
        #expect(
            error.message
                == "the TLS certificate chain file \(key) holds a private key, not a certificate; give the PEM file "
                + "of the server's certificate (then any intermediates), and the key as the private key"
        )
        #expect(!error.message.contains("BEGIN"))
    }

    @Test("a directory given as the client's CA file is named a directory, asking for a PEM file")
    func caDirectory() async throws {
        let certificates = try await TestCertificates.shared
        let error = try #require(throws: TLSError.self) {
            try TLSClientContext(trustRootsPath: certificates.directory)
        }
        #expect(
            error.message
                == "the TLS CA file \(certificates.directory) is a directory; give a PEM file that holds the "
                + "certificates, such as the CA's certificate file"
        )
    }

    @Test("a key file with no PEM block at all says it holds no private key", arguments: ["", "not a key\n"])
    func noKey(text: String) async throws {
        let certificates = try await TestCertificates.shared
        let path = certificates.directory + "/garbage-\(UUID().uuidString).key"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let error = try #require(throws: TLSError.self) {
            try TLSServerContext(certificateChainPath: certificates.certificatePath, privateKeyPath: path)
        }
        #expect(
            error.message == "the TLS private key file \(path) holds no PEM private key; give an unencrypted PEM key"
        )
    }

    @Test("a directory given as the key or the certificate is named a directory, without chmod advice")
    func directories() async throws {
        let certificates = try await TestCertificates.shared
        let directory = certificates.directory + "/dir-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let asKey = try #require(throws: TLSError.self) {
            try TLSServerContext(certificateChainPath: certificates.certificatePath, privateKeyPath: directory)
        }
        #expect(
            asKey.message == "the TLS private key \(directory) is a directory; give the PEM file of the private key"
        )
        let asChain = try #require(throws: TLSError.self) {
            try TLSServerContext(certificateChainPath: directory, privateKeyPath: certificates.privateKeyPath)
        }
        #expect(
            asChain.message
                == "the TLS certificate chain \(directory) is a directory; give the PEM file of the certificate chain"
        )
    }

    @Test("a key read from a pipe, as with <(…), still loads: the check does not read it first")
    func keyFromPipe() async throws {
        let certificates = try await TestCertificates.shared
        let key = try Data(contentsOf: URL(fileURLWithPath: certificates.privateKeyPath))
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let written = key.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        try #require(written == key.count)
        let context = try TLSServerContext(
            certificateChainPath: certificates.certificatePath,
            privateKeyPath: "/dev/fd/\(ends[0])"
        )
        #expect(context.certificateSubject.contains("twgw-test-server"))
    }
}
