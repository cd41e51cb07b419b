internal import GatewayTestSupport
internal import RPCCore
internal import SecureTransport
internal import Testing
internal import WireFraming

/// A plaintext client that meets a TLS server says so, and a certificate that does not verify
/// is not reported as something a retry could fix.
@Suite("What the client says when TLS does not match")
struct ClientTLSHintTests {
    private static let hint = "the server may expect TLS (--tls)"

    /// Makes a plaintext call to a raw listener whose peer `answer`s the client, and returns
    /// the call's error.
    private static func callAgainstPeer(_ answer: @escaping @Sendable (RawSocket) async throws -> Void) async throws
        -> RPCError
    {
        let listener = try RawListener()
        let client = RPCClientConnection(
            host: "127.0.0.1",
            port: listener.port,
            configuration: RPCClientConnection.Configuration(connectTimeout: .seconds(5))
        )
        defer { client.close() }
        let call = Task { try await client.unary(TestMethods.echo, request: [1], options: RPCCallOptions()) }
        let peer = try await listener.accept()
        try await answer(peer)
        return try await #require(throws: RPCError.self) { try await call.value }
    }

    @Test(
        "a server that answers the preface with a TLS record gets a hint to use TLS",
        arguments: [
            [0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46],  // alert: protocol_version
            [0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x32],  // alert: decode_error, TLS 1.0 record
            [0x16, 0x03, 0x03, 0x00, 0x04, 0x0E, 0x00, 0x00, 0x00],  // handshake record
        ] as [[UInt8]]
    )
    func tlsRecord(answer: [UInt8]) async throws {
        let error = try await Self.callAgainstPeer { peer in
            try await peer.send(answer)
            peer.shutdown()
        }
        #expect(error.code == .unavailable)
        #expect(error.message.contains("answered with a TLS record"), "\(error.message)")
        #expect(error.message.hasSuffix(Self.hint), "\(error.message)")
    }

    @Test("a server that closes before its preface gets the same hint")
    func closedBeforePreface() async throws {
        let error = try await Self.callAgainstPeer { peer in
            _ = try await peer.nextEvent()
            peer.shutdown()
        }
        #expect(error.code == .unavailable)
        #expect(error.message.hasSuffix("before the server's TWGW preface; " + Self.hint), "\(error.message)")
    }

    @Test("a server that sends garbage that is not TLS is still refused for breaking the protocol, with no hint")
    func garbage() async throws {
        let error = try await Self.callAgainstPeer { peer in
            try await peer.send(Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8))
            peer.shutdown()
        }
        #expect(error.code == .unavailable)
        #expect(error.message.contains("expected the TWGW preface"), "\(error.message)")
        #expect(!error.message.contains("TLS"), "\(error.message)")
    }

    @Test("a plaintext client of a TLS server fails with the hint to use TLS")
    func plaintextClientOfTLSServer() async throws {
        try await withTestServer(try await TLSTests.serverConfiguration()) { server in
            let client = server.makeClient()
            defer { client.close() }
            let error = try await #require(throws: RPCError.self) {
                try await client.unary(TestMethods.echo, request: [1], options: RPCCallOptions())
            }
            #expect(error.code == .unavailable)
            #expect(error.message.hasSuffix(Self.hint), "\(error.message)")
        }
    }

    @Test("a TLS client of a plaintext server is told to drop --tls or check the port, and not to retry")
    func tlsClientOfPlaintextServer() async throws {
        let certificates = try await TestCertificates.shared
        try await withTestServer { server in
            let client = try TLSTests.client(server, trusting: certificates.caPath)
            defer { client.close() }
            let error = try await #require(throws: RPCError.self) {
                try await client.unary(TestMethods.echo, request: [1], options: RPCCallOptions())
            }
            #expect(error.code == .failedPrecondition, "\(error.message)")
            #expect(error.message.contains("so it may not use TLS on this port"), "\(error.message)")
            #expect(error.message.hasSuffix("drop --tls, or check the port"), "\(error.message)")
        }
    }

    @Test("a TLS client whose server sends the TWGW preface says the server answered with it")
    func tlsClientMeetsPreface() async throws {
        let certificates = try await TestCertificates.shared
        let listener = try RawListener()
        let client = RPCClientConnection(
            host: "127.0.0.1",
            port: listener.port,
            configuration: RPCClientConnection.Configuration(
                connectTimeout: .seconds(5),
                tls: try TLSClientContext(trustRootsPath: certificates.caPath)
            )
        )
        defer { client.close() }
        let call = Task { try await client.unary(TestMethods.echo, request: [1], options: RPCCallOptions()) }
        let peer = try await listener.accept()
        try await peer.send(ConnectionPreface.current.bytes + Array(repeating: 0, count: 16))
        let error = try await #require(throws: RPCError.self) { try await call.value }
        peer.shutdown()
        #expect(error.code == .failedPrecondition, "\(error.message)")
        #expect(error.message.contains("the server answered with its TWGW preface"), "\(error.message)")
    }
}
