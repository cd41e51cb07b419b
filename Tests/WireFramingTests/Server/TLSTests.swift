internal import Foundation
internal import GatewayTestSupport
internal import RPCCore
internal import SecureTransport
internal import ServiceSupport
internal import Testing
internal import WireFraming

@Suite("TWGW inside TLS")
struct TLSTests {
    static func serverConfiguration(handshakeTimeout: Duration = .seconds(10), selfSigned: Bool = false)
        async throws -> RPCServer.Configuration
    {
        let certificates = try await TestCertificates.shared
        // The untrusted CA's certificate is self-signed: served with its own key, it is a
        // self-signed server certificate.
        let context = try TLSServerContext(
            certificateChainPath: selfSigned ? certificates.untrustedCAPath : certificates.certificatePath,
            privateKeyPath: selfSigned ? certificates.unrelatedKeyPath : certificates.privateKeyPath
        )
        return RPCServer.Configuration(
            handshakeTimeout: handshakeTimeout,
            shutdownGracePeriod: .seconds(1),
            tls: context
        )
    }

    static func client(
        _ server: TestServer,
        host: String = "127.0.0.1",
        trusting caPath: String,
        serverName: String? = nil
    ) throws -> RPCClientConnection {
        let context = try TLSClientContext(trustRootsPath: caPath, serverName: serverName)
        return RPCClientConnection(
            host: host,
            port: server.port,
            configuration: RPCClientConnection.Configuration(connectTimeout: .seconds(5), tls: context)
        )
    }

    @Test("the Swift client verifies the server and calls Health.Check, SendSms, a large echo and a stream")
    func verifiedCalls() async throws {
        let certificates = try await TestCertificates.shared
        try await withTestServer(try await Self.serverConfiguration()) { server in
            for host in ["127.0.0.1", "localhost"] {
                let client = try Self.client(server, host: host, trusting: certificates.caPath)
                defer { client.close() }
                let health = try await client.unary(TestMethods.healthCheck, request: [], options: RPCCallOptions())
                #expect(health == [0x08, 0x01])

                let error = try await #require(throws: RPCError.self) {
                    try await client.unary(TestMethods.sendSms, request: [], options: RPCCallOptions())
                }
                #expect(error.code == .invalidArgument)
                #expect(error.details == TestMethods.sendSmsDetails)

                let large = (0..<300_000).map { UInt8(truncatingIfNeeded: $0) }
                #expect(try await client.unary(TestMethods.echo, request: large, options: RPCCallOptions()) == large)
                let big = try await client.unary(
                    TestMethods.big,
                    request: TestMethods.request(2_000_000),
                    options: RPCCallOptions()
                )
                #expect(big.count == 2_000_000)

                var streamed: [String] = []
                let stream = client.serverStreaming(
                    TestMethods.stream,
                    request: TestMethods.request(5),
                    options: RPCCallOptions()
                )
                for try await message in stream {
                    streamed.append(String(decoding: message, as: UTF8.self))
                }
                #expect(streamed == ["0", "1", "2", "3", "4"])
            }
        }
    }

    @Test(
        "a server signed by a CA the client does not trust fails the call with FAILED_PRECONDITION (not retryable) and the reason"
    )
    func unknownCA() async throws {
        let certificates = try await TestCertificates.shared
        try await withTestServer(try await Self.serverConfiguration()) { server in
            let client = try Self.client(server, trusting: certificates.untrustedCAPath)
            defer { client.close() }
            let error = try await #require(throws: RPCError.self) {
                try await client.unary(TestMethods.echo, request: [1], options: RPCCallOptions())
            }
            #expect(error.code == .failedPrecondition)
            #expect(error.details.isEmpty)
            #expect(error.message.contains("certificate verify failed (unable to get local issuer certificate)"))
            #expect(error.message.contains("(--tls-ca)"), "\(error.message)")
            #expect(await WireFramingTests.eventually { server.logged("rpc.tls.handshake_failed") })
        }
    }

    @Test("a self-signed server certificate fails the call with FAILED_PRECONDITION")
    func selfSigned() async throws {
        let certificates = try await TestCertificates.shared
        try await withTestServer(try await Self.serverConfiguration(selfSigned: true)) { server in
            let client = try Self.client(server, trusting: certificates.caPath)
            defer { client.close() }
            let error = try await #require(throws: RPCError.self) {
                try await client.unary(TestMethods.echo, request: [1], options: RPCCallOptions())
            }
            #expect(error.code == .failedPrecondition)
            #expect(error.message.contains("certificate verify failed"), "\(error.message)")
        }
    }

    @Test("a certificate that does not carry the expected server name fails the call with FAILED_PRECONDITION")
    func wrongServerName() async throws {
        let certificates = try await TestCertificates.shared
        try await withTestServer(try await Self.serverConfiguration()) { server in
            let client = try Self.client(server, trusting: certificates.caPath, serverName: "gateway.example")
            defer { client.close() }
            let error = try await #require(throws: RPCError.self) {
                try await client.unary(TestMethods.echo, request: [1], options: RPCCallOptions())
            }
            #expect(error.code == .failedPrecondition)
            #expect(error.message.contains("hostname mismatch"))
            #expect(error.message.contains("(--tls-server-name)"), "\(error.message)")
        }
    }

    @Test("a plaintext client is dropped with a log line while a TLS connection beside it goes on")
    func plaintextClientRefused() async throws {
        let certificates = try await TestCertificates.shared
        try await withTestServer(try await Self.serverConfiguration()) { server in
            let client = try Self.client(server, trusting: certificates.caPath)
            defer { client.close() }
            #expect(try await client.unary(TestMethods.echo, request: [1], options: RPCCallOptions()) == [1])

            let plain = try await RawSocket.connect(port: server.port, expectsPreface: false)
            try await plain.send(ConnectionPreface.current.bytes + Array(repeating: 0, count: 64))
            let answer = try await plain.readUntilClosed()
            #expect(!answer.starts(with: Array("TWGW".utf8)), "the server answered a plaintext preface")
            #expect(await WireFramingTests.eventually { server.logged("rpc.tls.handshake_failed") })
            let record = try #require(server.logs.records.first { $0.message == "rpc.tls.handshake_failed" })
            #expect(record.metadata["rpc.peer"]?.hasPrefix("127.0.0.1:") == true)

            #expect(try await client.unary(TestMethods.echo, request: [2], options: RPCCallOptions()) == [2])
        }
    }

    @Test("a client that connects and sends nothing is dropped after the handshake timeout")
    func silentHandshake() async throws {
        try await withTestServer(try await Self.serverConfiguration(handshakeTimeout: .milliseconds(300))) { server in
            let silent = try await RawSocket.connect(port: server.port, expectsPreface: false)
            let answer = try await silent.readUntilClosed()
            #expect(answer.isEmpty)
            #expect(server.logged("rpc.connection.handshake_timeout"))
        }
    }
}
