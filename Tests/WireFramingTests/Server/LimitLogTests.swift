internal import RPCCore
internal import ServiceSupport
internal import Testing
internal import WireFraming

/// Every limit of the RPC server, broken once: the right status, one log line naming the limit
/// and the peer, and a server that goes on serving.
@Suite("RPC server limits: status, log line, and a server still serving")
struct LimitLogTests {
    /// The one record with `message` that names `limit`, checked to name the peer too.
    private static func limitRecord(_ server: TestServer, _ message: String, _ limit: String) -> LogRecord? {
        let records = server.logs.records.filter { $0.message == message && $0.metadata["rpc.limit"] == limit }
        #expect(records.count == 1, "\(message) with rpc.limit \(limit): \(records.count) records")
        let record = records.first
        #expect(record?.metadata["rpc.peer"]?.hasPrefix("127.0.0.1:") == true)
        return record
    }

    /// A call on a fresh connection still works.
    private static func expectServing(_ server: TestServer) async throws {
        let client = server.makeClient()
        defer { client.close() }
        let answer = try await client.unary(TestMethods.echo, request: [1], options: RPCCallOptions())
        #expect(answer == [1])
    }

    @Test("an oversized MESSAGE and an oversized HEADERS each log rpc.call.rejected naming max_frame_size")
    func oversizedCallFrames() async throws {
        try await withTestServer(RPCServer.Configuration(maxFrameSize: 16_384)) { server in
            let socket = try await RawSocket.handshake(port: server.port)
            try await socket.send { encoder in
                try encoder.appendHeaders(HeadersPayload(path: TestMethods.echo.path), streamID: 1)
                try encoder.appendMessage([UInt8](repeating: 7, count: 20_000), streamID: 1, endStream: true)
            }
            let message = try RawProtocolTests.status(
                try await RawProtocolTests.frames(of: socket, untilTrailersOf: 1).last
            )
            #expect(message.code == .resourceExhausted)
            let metadata: RPCMetadata = ["big": String(repeating: "x", count: 20_000)]
            try await socket.send {
                try $0.appendHeaders(HeadersPayload(path: TestMethods.echo.path, metadata: metadata), streamID: 2)
            }
            #expect(try RawProtocolTests.status(try await socket.nextFrame()).code == .resourceExhausted)

            let records = server.logs.records.filter {
                $0.message == "rpc.call.rejected" && $0.metadata["rpc.limit"] == "max_frame_size"
            }
            #expect(records.map { $0.metadata["rpc.stream.id"] } == ["1", "2"])
            #expect(records.allSatisfy { $0.level == .notice && $0.metadata["rpc.code"] == "RESOURCE_EXHAUSTED" })
            #expect(records.allSatisfy { $0.metadata["rpc.peer"]?.hasPrefix("127.0.0.1:") == true })
            try await Self.expectServing(server)
        }
    }

    @Test("an oversized frame on stream 0 ends the connection and logs the limit")
    func oversizedConnectionFrame() async throws {
        try await withTestServer(RPCServer.Configuration(maxFrameSize: 16_384)) { server in
            let socket = try await RawSocket.handshake(port: server.port)
            try await socket.send {
                try $0.append(Frame(type: .ping, streamID: 0, payload: [UInt8](repeating: 0, count: 20_000)))
            }
            #expect(try await RawProtocolTests.goAway(from: socket).code == .resourceExhausted)
            let record = Self.limitRecord(server, "rpc.connection.protocol_error", "max_frame_size")
            #expect(record?.level == .notice)
            try await Self.expectServing(server)
        }
    }

    @Test("a call beyond the calls in flight per connection logs max_concurrent_calls_per_connection")
    func concurrentCalls() async throws {
        let configuration = RPCServer.Configuration(maxConcurrentCallsPerConnection: 1, shutdownGracePeriod: .zero)
        try await withTestServer(configuration) { server in
            let client = server.makeClient()
            defer { client.close() }
            let hanging = Task { try await client.unary(TestMethods.hang, request: [], options: RPCCallOptions()) }
            #expect(await eventually { server.probe.started == 1 })
            let error = await #expect(throws: RPCError.self) {
                try await client.unary(TestMethods.echo, request: [], options: RPCCallOptions())
            }
            #expect(error?.code == .resourceExhausted)
            let record = Self.limitRecord(server, "rpc.call.rejected", "max_concurrent_calls_per_connection")
            #expect(record?.level == .notice)
            #expect(record?.metadata["rpc.code"] == "RESOURCE_EXHAUSTED")
            hanging.cancel()
            #expect(await eventually { server.probe.cancelled == 1 })
            try await Self.expectServing(server)
        }
    }

    @Test("a connection beyond the per-address limit gets GOAWAY RESOURCE_EXHAUSTED and a log line")
    func connectionsPerAddress() async throws {
        try await withTestServer(RPCServer.Configuration(maxConnectionsPerAddress: 1)) { server in
            let first = try await RawSocket.handshake(port: server.port)
            let second = try await RawSocket.connect(port: server.port, expectsPreface: true)
            let goAway = try await RawProtocolTests.goAway(from: second)
            #expect(goAway.code == .resourceExhausted)
            #expect(goAway.message == "too many connections from 127.0.0.1; the server allows 1 per address")
            let record = Self.limitRecord(server, "rpc.connection.refused", "max_connections_per_address")
            #expect(record?.level == .notice)
            let frames = try await RawProtocolTests.echo(first, streamID: 1, [5])
            #expect(try RawProtocolTests.status(frames.last) == .ok)
        }
    }

    @Test("a connection silent past the handshake timeout is closed with a log line naming it")
    func handshakeTimeout() async throws {
        try await withTestServer(RPCServer.Configuration(handshakeTimeout: .milliseconds(100))) { server in
            let socket = try await RawSocket.connect(port: server.port)
            #expect(try await socket.framesUntilClosed().isEmpty)
            let record = Self.limitRecord(server, "rpc.connection.handshake_timeout", "handshake_timeout")
            #expect(record?.metadata["rpc.limit.ms"] == "100.000")
            try await Self.expectServing(server)
        }
    }

    @Test("an idle connection gets GOAWAY OK idle and a log line naming the idle timeout")
    func idleTimeout() async throws {
        try await withTestServer(RPCServer.Configuration(idleTimeout: .milliseconds(100))) { server in
            let socket = try await RawSocket.handshake(port: server.port)
            let goAway = try await RawProtocolTests.goAway(from: socket)
            #expect(goAway.code == .ok)
            #expect(goAway.message == "idle")
            let record = Self.limitRecord(server, "rpc.connection.idle", "idle_timeout")
            #expect(record?.level == .info)
            try await Self.expectServing(server)
        }
    }
}
