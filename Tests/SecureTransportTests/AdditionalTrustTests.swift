internal import GatewayTestSupport
internal import Testing

@testable internal import SecureTransport

@Suite("Certificates trusted by themselves on top of the roots")
struct AdditionalTrustTests {
    @Test("trusting the server's own certificate verifies it without its CA")
    func serverCertificateAlone() async throws {
        let certificates = try await TestCertificates.shared
        let client = try TLSClientContext(
            trustRootsPath: certificates.untrustedCAPath,
            additionalTrustedCertificatesPath: certificates.certificatePath
        )
        let pair = try SessionPair(server: try await TLSSessionTests.serverContext(), client: client)
        try pair.handshake()
        #expect(pair.client.isHandshakeComplete)
    }

    @Test("the same file given as the roots does not verify a leaf whose CA is missing")
    func leafAsRootFails() async throws {
        let certificates = try await TestCertificates.shared
        let pair = try SessionPair(
            server: try await TLSSessionTests.serverContext(),
            client: try TLSClientContext(trustRootsPath: certificates.certificatePath)
        )
        let error = try #require(throws: TLSError.self) { try pair.handshake() }
        #expect(error.message.contains("certificate verify failed"))
    }

    @Test("the roots stay trusted next to the additional certificates")
    func rootsStillTrusted() async throws {
        let certificates = try await TestCertificates.shared
        let client = try TLSClientContext(
            trustRootsPath: certificates.caPath,
            additionalTrustedCertificatesPath: certificates.untrustedCAPath
        )
        let pair = try SessionPair(server: try await TLSSessionTests.serverContext(), client: client)
        try pair.handshake()
        #expect(pair.client.isHandshakeComplete)
    }

    @Test("the additional certificates still have to name the server")
    func nameStillChecked() async throws {
        let certificates = try await TestCertificates.shared
        let client = try TLSClientContext(
            trustRootsPath: certificates.untrustedCAPath,
            serverName: "gateway.example",
            additionalTrustedCertificatesPath: certificates.certificatePath
        )
        let pair = try SessionPair(server: try await TLSSessionTests.serverContext(), client: client)
        let error = try #require(throws: TLSError.self) { try pair.handshake() }
        #expect(error.message.contains("hostname mismatch"))
    }

    @Test("a file that is missing or holds no certificate is refused, named")
    func unusableFile() async throws {
        let certificates = try await TestCertificates.shared
        for path in [certificates.directory + "/missing.pem", certificates.directory + "/server.ext"] {
            let error = try #require(throws: TLSError.self) {
                try TLSClientContext(
                    trustRootsPath: certificates.caPath,
                    additionalTrustedCertificatesPath: path
                )
            }
            #expect(error.message.contains("TLS certificate file \(path)"))
        }
    }
}
