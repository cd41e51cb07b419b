internal import RPCCore
internal import ServiceSupport
internal import Synchronization
internal import Testing
internal import WireFraming

@Suite("Calls over TCP")
struct CallTests {
    @Test("a unary call returns the response")
    func unaryRoundTrip() async throws {
        try await withTestServer { server in
            let client = server.makeClient()
            defer { client.close() }
            let response = try await client.unary(TestMethods.echo, request: [1, 2, 3], options: RPCCallOptions())
            #expect(response == [1, 2, 3])
            let empty = try await client.unary(TestMethods.echo, request: [], options: RPCCallOptions())
            #expect(empty == [])
        }
    }

    @Test(
        "the server binds IPv4, IPv6 and wildcard addresses, and the client reaches it",
        arguments: [("127.0.0.1", "127.0.0.1"), ("0.0.0.0", "127.0.0.1"), ("::1", "::1"), ("localhost", "localhost")]
    )
    func bindAddresses(bind: String, connect: String) async throws {
        let server = RPCServer(
            dispatcher: RPCDispatcher(router: makeTestRouter(probe: HandlerProbe()), logger: .disabled),
            logger: .disabled
        )
        let port = try server.start(host: bind, port: 0)
        #expect(port > 0 && server.port == port)
        let client = RPCClientConnection(host: connect, port: port)
        let response = try await client.unary(TestMethods.echo, request: [1], options: RPCCallOptions())
        #expect(response == [1])
        client.close()
        server.beginGracefulShutdown()
        await server.waitUntilStopped()
    }

    @Test("starting twice or binding a bad address throws TransportError")
    func startErrors() throws {
        let server = RPCServer(dispatcher: RPCDispatcher(router: RPCRouter(), logger: .disabled), logger: .disabled)
        #expect(throws: TransportError.self) { try server.start(host: "not an address", port: 0) }
        try server.start(host: "127.0.0.1", port: 0)
        #expect(throws: TransportError.self) { try server.start(host: "127.0.0.1", port: 0) }
        server.beginGracefulShutdown()
        let tiny = RPCServer(
            dispatcher: RPCDispatcher(router: RPCRouter(), logger: .disabled),
            logger: .disabled,
            configuration: RPCServer.Configuration(maxFrameSize: 100)
        )
        #expect(throws: TransportError.self) { try tiny.start(host: "127.0.0.1", port: 0) }
    }

    @Test("metadata and a timeout reach the handler")
    func metadataAndTimeout() async throws {
        let seen = Mutex<(String?, Bool)>((nil, false))
        var router = RPCRouter()
        router.register(
            TestMethods.echo,
            .unary { request, context in
                seen.withLock { $0 = (context.metadata["x-request-id"], context.deadline != nil) }
                return request
            }
        )
        let server = RPCServer(dispatcher: RPCDispatcher(router: router, logger: .disabled), logger: .disabled)
        let port = try server.start(host: "127.0.0.1", port: 0)
        let client = RPCClientConnection(host: "127.0.0.1", port: port)
        let options = RPCCallOptions(timeout: .seconds(5), metadata: ["X-Request-ID": "r-1"])
        _ = try await client.unary(TestMethods.echo, request: [], options: options)
        #expect(seen.withLock { $0 } == ("r-1", true))
        client.close()
        server.beginGracefulShutdown()
        await server.waitUntilStopped()
    }

    @Test("a server-streaming call yields every message, then ends")
    func serverStreaming() async throws {
        try await withTestServer { server in
            let client = server.makeClient()
            defer { client.close() }
            var received: [String] = []
            for try await message in client.serverStreaming(
                TestMethods.stream,
                request: TestMethods.request(50),
                options: RPCCallOptions()
            ) {
                received.append(String(decoding: message, as: UTF8.self))
            }
            #expect(received == (0..<50).map(String.init))
        }
    }

    @Test("a stream's consumer gets every response the server sent before its error, then the error")
    func responsesBeforeAnErrorAreKept() async throws {
        try await withTestServer { server in
            let client = server.makeClient()
            defer { client.close() }
            var stream = client.serverStreaming(
                TestMethods.streamThenFail,
                request: TestMethods.request(20),
                options: RPCCallOptions()
            ).makeAsyncIterator()
            var received = [String(decoding: try #require(try await stream.next()), as: UTF8.self)]
            // The consumer falls behind: the other responses and the trailers arrive meanwhile.
            #expect(await eventually { server.probe.written == 20 })
            try await Task.sleep(for: .milliseconds(200))
            let error = await #expect(throws: RPCError.self) {
                while let message = try await stream.next() {
                    received.append(String(decoding: message, as: UTF8.self))
                }
            }
            #expect(received == (0..<20).map(String.init))
            #expect(error?.code == .aborted)
        }
    }

    @Test("1,000 concurrent calls on one connection are all answered correctly")
    func manyConcurrentCalls() async throws {
        try await withTestServer { server in
            let client = server.makeClient()
            defer { client.close() }
            let mismatches = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<1000 {
                    group.addTask {
                        let request = TestMethods.request(index)
                        let response = try await client.unary(
                            TestMethods.echo,
                            request: request,
                            options: RPCCallOptions()
                        )
                        return response == request
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 0 : 1) }
            }
            #expect(mismatches == 0)
            #expect(server.logs.records.filter { $0.message == "rpc.connection.accepted" }.count == 1)
        }
    }

    @Test("a handler slower than the timeout ends with DEADLINE_EXCEEDED from the server")
    func serverDeadline() async throws {
        try await withTestServer { server in
            let client = server.makeClient()
            defer { client.close() }
            let error = await #expect(throws: RPCError.self) {
                try await client.unary(
                    TestMethods.hang,
                    request: [],
                    options: RPCCallOptions(timeout: .milliseconds(100))
                )
            }
            #expect(error?.code == .deadlineExceeded)
            #expect(await eventually { server.probe.cancelled == 1 })
        }
    }

    @Test("structured details round-trip in TRAILERS")
    func detailsRoundTrip() async throws {
        try await withTestServer { server in
            let client = server.makeClient()
            defer { client.close() }
            let details: [UInt8] = [0x08, 0xDB, 0xA5, 0x01, 0x28, 0x01]
            let error = await #expect(throws: RPCError.self) {
                try await client.unary(TestMethods.fail, request: details, options: RPCCallOptions())
            }
            #expect(
                error == RPCError(code: .failedPrecondition, message: "the test method always fails", details: details)
            )
        }
    }

    @Test("an unknown method ends with UNIMPLEMENTED")
    func unknownMethod() async throws {
        try await withTestServer { server in
            let client = server.makeClient()
            defer { client.close() }
            let error = await #expect(throws: RPCError.self) {
                try await client.unary(
                    RPCMethod(service: "test.Echo", name: "Nope"),
                    request: [],
                    options: RPCCallOptions()
                )
            }
            #expect(error?.code == .unimplemented)
        }
    }

    @Test("ping measures a round trip")
    func ping() async throws {
        try await withTestServer { server in
            let client = server.makeClient()
            defer { client.close() }
            let first = try await client.ping()
            let second = try await client.ping()
            #expect(first > .zero && second > .zero)
        }
    }

    @Test("a response larger than the client accepts ends the call with RESOURCE_EXHAUSTED")
    func responseOverClientLimit() async throws {
        try await withTestServer { server in
            let client = RPCClientConnection(
                host: "127.0.0.1",
                port: server.port,
                configuration: RPCClientConnection.Configuration(maxFrameSize: 16_384)
            )
            defer { client.close() }
            let error = await #expect(throws: RPCError.self) {
                try await client.unary(TestMethods.big, request: TestMethods.request(20_000), options: RPCCallOptions())
            }
            #expect(error?.code == .resourceExhausted)
            #expect(error?.message.contains("16384") == true)
            let small = try await client.unary(
                TestMethods.big,
                request: TestMethods.request(100),
                options: RPCCallOptions()
            )
            #expect(small.count == 100)
        }
    }

    @Test("a request larger than the server accepts fails before it is sent")
    func requestOverServerLimit() async throws {
        try await withTestServer(RPCServer.Configuration(maxFrameSize: 16_384)) { server in
            let client = server.makeClient()
            defer { client.close() }
            let error = await #expect(throws: RPCError.self) {
                try await client.unary(
                    TestMethods.echo,
                    request: [UInt8](repeating: 1, count: 20_000),
                    options: RPCCallOptions()
                )
            }
            #expect(error?.code == .resourceExhausted)
            #expect(error?.message == "request message of 20000 bytes exceeds the server's limit of 16384 bytes")
            let next = try await client.unary(TestMethods.echo, request: [9], options: RPCCallOptions())
            #expect(next == [9])
        }
    }

    @Test("a large response goes through intact")
    func largeResponse() async throws {
        try await withTestServer { server in
            let client = server.makeClient()
            defer { client.close() }
            let response = try await client.unary(
                TestMethods.big,
                request: TestMethods.request(3_000_000),
                options: RPCCallOptions()
            )
            #expect(response.count == 3_000_000)
        }
    }
}
