internal import GatewayTestSupport
internal import SecureTransport
internal import Testing

@Suite("Loading TLS certificates, keys and trust roots")
struct TLSContextTests {
    @Test("a key that does not belong to the certificate is refused, naming both files")
    func mismatchedKey() async throws {
        let certificates = try await TestCertificates.shared
        let error = try #require(throws: TLSError.self) {
            try TLSServerContext(
                certificateChainPath: certificates.certificatePath,
                privateKeyPath: certificates.unrelatedKeyPath
            )
        }
        #expect(error.message.contains("does not belong to the certificate"))
        #expect(error.message.contains(certificates.unrelatedKeyPath))
        #expect(error.message.contains(certificates.certificatePath))
    }

    @Test("a missing certificate or key file is refused, naming the file")
    func missingFiles() async throws {
        let certificates = try await TestCertificates.shared
        let missing = certificates.directory + "/missing.pem"
        let noCertificate = try #require(throws: TLSError.self) {
            try TLSServerContext(certificateChainPath: missing, privateKeyPath: certificates.privateKeyPath)
        }
        #expect(noCertificate.message == "cannot read the TLS certificate chain \(missing): No such file or directory")
        let noKey = try #require(throws: TLSError.self) {
            try TLSServerContext(certificateChainPath: certificates.certificatePath, privateKeyPath: missing)
        }
        #expect(noKey.message == "cannot read the TLS private key \(missing): No such file or directory")
        let noCA = try #require(throws: TLSError.self) { try TLSClientContext(trustRootsPath: missing) }
        #expect(noCA.message.contains(missing))
    }

    @Test("a file that is not PEM is refused, and the error never quotes the key file's bytes")
    func notPEM() async throws {
        let certificates = try await TestCertificates.shared
        let notPEM = certificates.directory + "/server.ext"
        let error = try #require(throws: TLSError.self) {
            try TLSServerContext(certificateChainPath: notPEM, privateKeyPath: certificates.privateKeyPath)
        }
        #expect(error.message.hasPrefix("cannot use the TLS certificate chain \(notPEM)"))
        #expect(!error.message.contains("BEGIN"))
        let caError = try #require(throws: TLSError.self) {
            try TLSClientContext(trustRootsPath: certificates.directory + "/server.ext")
        }
        #expect(caError.message.hasPrefix("cannot use the TLS CA file"))
    }
}
