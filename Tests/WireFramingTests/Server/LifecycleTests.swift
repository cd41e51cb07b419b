internal import RPCCore
internal import ServiceSupport
internal import Testing
internal import WireFraming

@Suite("Cancellation, deadlines and shutdown over TCP")
struct LifecycleTests {
    @Test("cancelling the calling task sends CANCEL, stops the handler and throws CANCELLED")
    func clientCancellation() async throws {
        try await withTestServer { server in
            let client = server.makeClient()
            defer { client.close() }
            let call = Task { try await client.unary(TestMethods.hang, request: [], options: RPCCallOptions()) }
            #expect(await eventually { server.probe.started == 1 })
            call.cancel()

            let error = await #expect(throws: RPCError.self) { try await call.value }
            #expect(error?.code == .cancelled)
            #expect(await eventually { server.probe.cancelled == 1 })
            #expect(
                server.logs.records.contains {
                    $0.message == "rpc.call.cancelled" && $0.metadata["rpc.code"] == "CANCELLED"
                }
            )
        }
    }

    @Test("a stream consumer that stops iterating cancels the call")
    func streamConsumerStops() async throws {
        try await withTestServer { server in
            let client = server.makeClient()
            defer { client.close() }
            var count = 0
            for try await _ in client.serverStreaming(
                TestMethods.stream,
                request: TestMethods.request(1_000_000),
                options: RPCCallOptions()
            ) {
                count += 1
                if count == 3 {
                    break
                }
            }
            #expect(count == 3)
            #expect(await eventually { server.logged("rpc.call.cancelled") })
            let after = try await client.unary(TestMethods.echo, request: [1], options: RPCCallOptions())
            #expect(after == [1])
        }
    }

    @Test("a handler that gives up ends the call with CANCELLED from the server")
    func serverCancellation() async throws {
        try await withTestServer { server in
            let client = server.makeClient()
            defer { client.close() }
            let error = await #expect(throws: RPCError.self) {
                try await client.unary(TestMethods.abandon, request: [], options: RPCCallOptions())
            }
            #expect(error?.code == .cancelled)
        }
    }

    @Test("the client's own deadline ends a call the server never answers, with a CANCEL to the server")
    func clientDeadline() async throws {
        let listener = try RawListener()
        let client = RPCClientConnection(host: "127.0.0.1", port: listener.port)
        defer { client.close() }
        let ping = Task { try await client.ping() }
        let peer = try await listener.acceptHandshake()
        let pingFrame = try #require(try await peer.nextFrame())
        try await peer.send { try $0.append(Frame(type: .ping, flags: .ack, streamID: 0, payload: pingFrame.payload)) }
        _ = try await ping.value

        let call = Task {
            try await client.unary(TestMethods.echo, request: [5], options: RPCCallOptions(timeout: .milliseconds(300)))
        }
        let headers = try #require(try await peer.nextFrame())
        #expect(headers.type == .headers)
        #expect(try HeadersPayload(decoding: headers.payload).timeoutMilliseconds <= 300)
        let message = try #require(try await peer.nextFrame())
        #expect(message.type == .message && message.flags.contains(.endStream) && message.payload == [5])

        let cancel = try #require(try await peer.nextFrame())
        #expect(cancel.type == .cancel && cancel.streamID == headers.streamID)
        #expect(CancelPayload(decoding: cancel.payload).code == .deadlineExceeded)
        let error = await #expect(throws: RPCError.self) { try await call.value }
        #expect(error?.code == .deadlineExceeded)
    }

    @Test("a server that dies mid-call fails the call with UNAVAILABLE, and the next call reconnects")
    func serverKilledMidCall() async throws {
        let listener = try RawListener()
        let client = RPCClientConnection(host: "127.0.0.1", port: listener.port)
        defer { client.close() }
        let call = Task { try await client.unary(TestMethods.echo, request: [1], options: RPCCallOptions()) }
        let peer = try await listener.acceptHandshake()
        _ = try await peer.nextFrame()
        peer.shutdown()

        let error = await #expect(throws: RPCError.self) { try await call.value }
        #expect(error?.code == .unavailable)
        #expect(error?.message == "connection to 127.0.0.1:\(listener.port) lost")

        let second = Task { try await client.unary(TestMethods.echo, request: [2], options: RPCCallOptions()) }
        let replacement = try await listener.acceptHandshake()
        let headers = try #require(try await replacement.nextFrame())
        _ = try await replacement.nextFrame()
        try await replacement.send { encoder in
            try encoder.appendMessage([7], streamID: headers.streamID)
            encoder.appendTrailers(TrailersPayload(status: .ok), streamID: headers.streamID)
        }
        let response = try await second.value
        #expect(response == [7])
    }

    @Test("a refused connection fails the call with UNAVAILABLE naming the address")
    func connectionRefused() async throws {
        let port = try { () throws -> Int in
            let listener = try RawListener()
            return listener.port
        }()
        let client = RPCClientConnection(host: "127.0.0.1", port: port)
        defer { client.close() }
        let error = await #expect(throws: RPCError.self) {
            try await client.unary(TestMethods.echo, request: [], options: RPCCallOptions())
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message == "cannot connect to 127.0.0.1:\(port): Connection refused")
    }

    @Test("graceful shutdown lets a call in flight finish and refuses a new one")
    func gracefulShutdown() async throws {
        let server = try TestServer(configuration: RPCServer.Configuration(shutdownGracePeriod: .seconds(5)))
        let client = server.makeClient()
        defer { client.close() }
        let inFlight = Task {
            try await client.unary(TestMethods.slow, request: TestMethods.request(300), options: RPCCallOptions())
        }
        #expect(await eventually { server.probe.started == 1 })

        server.server.beginGracefulShutdown()
        let refused = await #expect(throws: RPCError.self) {
            try await client.unary(TestMethods.echo, request: [], options: RPCCallOptions())
        }
        #expect(refused?.code == .unavailable)
        #expect(try await inFlight.value == TestMethods.request(300))
        await server.server.waitUntilStopped()
    }

    @Test("calls still running when the grace period ends get UNAVAILABLE")
    func gracePeriodEnds() async throws {
        let server = try TestServer(configuration: RPCServer.Configuration(shutdownGracePeriod: .milliseconds(200)))
        let client = server.makeClient()
        defer { client.close() }
        let call = Task { try await client.unary(TestMethods.hang, request: [], options: RPCCallOptions()) }
        #expect(await eventually { server.probe.started == 1 })
        server.server.beginGracefulShutdown()

        let error = await #expect(throws: RPCError.self) { try await call.value }
        #expect(error?.code == .unavailable)
        #expect(error?.message == "the server shut down before the call finished")
        await server.server.waitUntilStopped()
        #expect(server.probe.cancelled == 1)
    }

    @Test("a call beyond the concurrency limit ends at once with RESOURCE_EXHAUSTED")
    func maxConcurrentCalls() async throws {
        try await withTestServer(
            RPCServer.Configuration(maxConcurrentCallsPerConnection: 2, shutdownGracePeriod: .zero)
        ) { server in
            let client = server.makeClient()
            defer { client.close() }
            let hanging = (0..<2).map { _ in
                Task { try await client.unary(TestMethods.hang, request: [], options: RPCCallOptions()) }
            }
            #expect(await eventually { server.probe.started == 2 })
            let error = await #expect(throws: RPCError.self) {
                try await client.unary(TestMethods.echo, request: [], options: RPCCallOptions())
            }
            #expect(error?.code == .resourceExhausted)
            for call in hanging {
                call.cancel()
            }
            #expect(await eventually { server.probe.cancelled == 2 })
            let after = try await client.unary(TestMethods.echo, request: [3], options: RPCCallOptions())
            #expect(after == [3])
        }
    }

    @Test("after an idle GOAWAY the next call opens a fresh connection")
    func idleTimeoutAndReconnect() async throws {
        try await withTestServer(RPCServer.Configuration(idleTimeout: .milliseconds(100))) { server in
            let client = server.makeClient()
            defer { client.close() }
            _ = try await client.unary(TestMethods.echo, request: [], options: RPCCallOptions())
            #expect(await eventually { server.logged("rpc.connection.idle") })
            #expect(await eventually { server.logged("rpc.connection.closed") })
            let again = try await client.unary(TestMethods.echo, request: [4], options: RPCCallOptions())
            #expect(again == [4])
            #expect(server.logs.records.filter { $0.message == "rpc.connection.accepted" }.count == 2)
        }
    }

    @Test("a connection beyond the per-address limit is refused with RESOURCE_EXHAUSTED")
    func perAddressLimit() async throws {
        try await withTestServer(RPCServer.Configuration(maxConnectionsPerAddress: 1)) { server in
            let first = server.makeClient()
            let second = server.makeClient()
            defer {
                first.close()
                second.close()
            }
            _ = try await first.ping()
            let error = await #expect(throws: RPCError.self) { try await second.ping() }
            #expect(error?.code == .resourceExhausted, "\(String(describing: error))")
        }
    }

    @Test("a client that stops reading makes the streaming handler wait instead of the server buffering")
    func backpressure() async throws {
        let configuration = RPCServer.Configuration(outboundHighWatermark: 65_536, outboundLowWatermark: 16_384)
        try await withTestServer(configuration) { server in
            let socket = try await RawSocket.handshake(port: server.port)
            let total = 20_000
            try await socket.send { encoder in
                try encoder.appendHeaders(HeadersPayload(path: TestMethods.streamBig.path), streamID: 1)
                try encoder.appendMessage(TestMethods.request(total), streamID: 1, endStream: true)
            }
            #expect(await eventually { server.probe.written > 0 })
            try await Task.sleep(for: .milliseconds(300))
            let stalled = server.probe.written
            #expect(stalled < total / 2)

            var messages = 0
            while let frame = try await socket.nextFrame(), frame.type == .message {
                messages += 1
            }
            #expect(messages == total)
            #expect(server.probe.written == total)
        }
    }

    @Test("a client whose stream consumer is slow stops reading and still gets every message")
    func clientInboundLimit() async throws {
        try await withTestServer { server in
            let client = RPCClientConnection(
                host: "127.0.0.1",
                port: server.port,
                configuration: RPCClientConnection.Configuration(maxBufferedResponseBytes: 65_536)
            )
            defer { client.close() }
            let total = 2_000
            var iterator = client.serverStreaming(
                TestMethods.streamBig,
                request: TestMethods.request(total),
                options: RPCCallOptions()
            )
            .makeAsyncIterator()
            #expect(try await iterator.next()?.count == 2048)
            try await Task.sleep(for: .milliseconds(100))
            var count = 1
            while try await iterator.next() != nil {
                count += 1
            }
            #expect(count == total)
            let echo = try await client.unary(TestMethods.echo, request: [1], options: RPCCallOptions())
            #expect(echo == [1])
        }
    }
}
