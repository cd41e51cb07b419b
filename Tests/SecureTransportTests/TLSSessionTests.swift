internal import COpenSSL
internal import GatewayTestSupport
internal import Testing

@testable internal import SecureTransport

@Suite("TLS sessions over memory buffers")
struct TLSSessionTests {
    static func serverContext() async throws -> TLSServerContext {
        let certificates = try await TestCertificates.shared
        return try TLSServerContext(
            certificateChainPath: certificates.certificatePath,
            privateKeyPath: certificates.privateKeyPath
        )
    }

    @Test("a client that trusts the CA completes the handshake and both sides exchange plaintext")
    func handshakeAndData() async throws {
        let certificates = try await TestCertificates.shared
        let pair = try SessionPair(
            server: try await Self.serverContext(),
            client: try TLSClientContext(trustRootsPath: certificates.caPath)
        )
        try pair.handshake()
        #expect(pair.client.isHandshakeComplete && pair.server.isHandshakeComplete)
        #expect(["TLSv1.2", "TLSv1.3"].contains(pair.client.protocolVersion))

        try Array("ping".utf8).withUnsafeBytes { try pair.client.write(plaintext: $0) }
        #expect(try pair.move(from: pair.client, to: pair.server) == Array("ping".utf8))
        let large = [UInt8](repeating: 7, count: 100_000)
        try large.withUnsafeBytes { try pair.server.write(plaintext: $0) }
        #expect(try pair.move(from: pair.server, to: pair.client) == large)
    }

    @Test("the DNS name localhost verifies as well as the IP address", arguments: ["localhost", "127.0.0.1"])
    func namesInTheCertificate(host: String) async throws {
        let certificates = try await TestCertificates.shared
        let pair = try SessionPair(
            server: try await Self.serverContext(),
            client: try TLSClientContext(trustRootsPath: certificates.caPath),
            host: host
        )
        try pair.handshake()
        #expect(pair.client.isHandshakeComplete)
    }

    @Test("a client limited to TLS 1.2 still connects, with TLS 1.2")
    func tls12() async throws {
        let certificates = try await TestCertificates.shared
        let client = try TLSClientContext(
            trustRootsPath: certificates.caPath,
            serverName: nil,
            maximumVersion: TLS1_2_VERSION
        )
        let pair = try SessionPair(server: try await Self.serverContext(), client: client)
        try pair.handshake()
        #expect(pair.client.protocolVersion == "TLSv1.2")
    }

    @Test("a server signed by a CA the client does not trust fails the handshake with the reason")
    func untrustedCA() async throws {
        let certificates = try await TestCertificates.shared
        let pair = try SessionPair(
            server: try await Self.serverContext(),
            client: try TLSClientContext(trustRootsPath: certificates.untrustedCAPath)
        )
        let error = try #require(throws: TLSError.self) { try pair.handshake() }
        #expect(error.message.contains("certificate verify failed"))
        #expect(error.message.contains("unable to get local issuer certificate"))
        #expect(error.isCertificateRejected)
    }

    @Test("a certificate that does not name the expected server fails the handshake")
    func wrongName() async throws {
        let certificates = try await TestCertificates.shared
        let pair = try SessionPair(
            server: try await Self.serverContext(),
            client: try TLSClientContext(trustRootsPath: certificates.caPath, serverName: "gateway.example")
        )
        let error = try #require(throws: TLSError.self) { try pair.handshake() }
        #expect(error.message.contains("hostname mismatch"))
        #expect(error.isCertificateRejected)
    }

    @Test("bytes that are not a TLS handshake fail the server side")
    func plaintextPeer() async throws {
        let server = try TLSSession(server: try await Self.serverContext())
        try Array("TWGW\r\n\r\n plaintext preface".utf8).withUnsafeBytes { try server.receive(ciphertext: $0) }
        let error = try #require(throws: TLSError.self) { try server.advanceHandshake() }
        #expect(error.message.hasPrefix("the TLS handshake failed"))
        #expect(!error.isCertificateRejected)
    }

    @Test("the server context names the certificate's subject")
    func subject() async throws {
        #expect(try await Self.serverContext().certificateSubject == "/CN=twgw-test-server")
    }
}
