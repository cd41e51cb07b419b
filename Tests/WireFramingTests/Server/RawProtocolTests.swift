internal import RPCCore
internal import ServiceSupport
internal import Testing
internal import WireFraming

/// A peer that breaks the rules in one way each, against a real server.
@Suite("Server protocol rules with a raw client")
struct RawProtocolTests {
    /// Sends one echo call on `streamID` and returns the frames that answer it.
    static func echo(_ socket: RawSocket, streamID: UInt32, _ payload: [UInt8]) async throws -> [Frame] {
        try await socket.send { encoder in
            try encoder.appendHeaders(HeadersPayload(path: TestMethods.echo.path), streamID: streamID)
            try encoder.appendMessage(payload, streamID: streamID, endStream: true)
        }
        return try await frames(of: socket, untilTrailersOf: streamID)
    }

    /// Reads frames until the TRAILERS of `streamID`.
    static func frames(of socket: RawSocket, untilTrailersOf streamID: UInt32) async throws -> [Frame] {
        var frames: [Frame] = []
        while let frame = try await socket.nextFrame() {
            frames.append(frame)
            if frame.type == .trailers && frame.streamID == streamID {
                return frames
            }
        }
        throw RawSocketError(description: "the connection closed before the call ended")
    }

    static func status(_ frame: Frame?) throws -> RPCStatus {
        let frame = try #require(frame)
        #expect(frame.type == .trailers)
        return try TrailersPayload(decoding: frame.payload).status
    }

    /// Reads to the end of the connection and returns the GOAWAY it ended with.
    static func goAway(from socket: RawSocket) async throws -> GoAwayPayload {
        let frames = try await socket.framesUntilClosed()
        let last = try #require(frames.last)
        #expect(last.type == .goAway)
        return try GoAwayPayload(decoding: last.payload)
    }

    @Test("a unary call over raw frames gets MESSAGE then TRAILERS OK")
    func rawUnary() async throws {
        try await withTestServer { server in
            let socket = try await RawSocket.handshake(port: server.port)
            let frames = try await Self.echo(socket, streamID: 1, [4, 2])
            #expect(frames.map(\.type) == [.message, .trailers])
            #expect(frames.first?.payload == [4, 2])
            #expect(try Self.status(frames.last) == .ok)
        }
    }

    @Test("the server's SETTINGS announce its limits")
    func serverSettings() async throws {
        let configuration = RPCServer.Configuration(maxFrameSize: 65_536, maxConcurrentCallsPerConnection: 7)
        try await withTestServer(configuration) { server in
            let socket = try await RawSocket.connect(port: server.port)
            try await socket.send(ConnectionPreface.current.bytes)
            #expect(try await socket.nextEvent() == .preface(.current))
            let settings = try #require(try await socket.nextFrame())
            #expect(settings.type == .settings && settings.streamID == 0)
            #expect(
                try SettingsPayload(decoding: settings.payload)
                    == SettingsPayload(maxFrameSize: 65_536, maxConcurrentCalls: 7)
            )
        }
    }

    @Test("a whole call sent one byte at a time is served")
    func oneByteAtATime() async throws {
        try await withTestServer { server in
            let socket = try await RawSocket.connect(port: server.port)
            var encoder = FrameEncoder()
            encoder.appendPreface()
            try encoder.appendHeaders(HeadersPayload(path: TestMethods.echo.path, metadata: ["a": "b"]), streamID: 3)
            try encoder.appendMessage([1, 2, 3], streamID: 3, endStream: true)
            for byte in encoder.bytes {
                try await socket.send([byte])
            }
            let frames = try await Self.frames(of: socket, untilTrailersOf: 3)
            #expect(frames.map(\.type) == [.settings, .message, .trailers])
            #expect(frames[1].payload == [1, 2, 3])
        }
    }

    @Test("many calls in one write are all answered")
    func manyCallsInOneWrite() async throws {
        try await withTestServer { server in
            let socket = try await RawSocket.handshake(port: server.port)
            try await socket.send { encoder in
                for streamID in UInt32(1)...100 {
                    try encoder.appendHeaders(HeadersPayload(path: TestMethods.echo.path), streamID: streamID)
                    try encoder.appendMessage([UInt8(streamID)], streamID: streamID, endStream: true)
                }
            }
            var answered: [UInt32: [UInt8]] = [:]
            while answered.count < 100, let frame = try await socket.nextFrame() {
                if frame.type == .message {
                    answered[frame.streamID] = frame.payload
                }
            }
            #expect(answered.count == 100)
            #expect(answered.allSatisfy { $0.value == [UInt8($0.key)] })
        }
    }

    @Test("a garbage preface gets GOAWAY INVALID_ARGUMENT and the connection closes")
    func garbagePreface() async throws {
        try await withTestServer { server in
            let socket = try await RawSocket.connect(port: server.port, expectsPreface: false)
            try await socket.send(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
            let goAway = try await Self.goAway(from: socket)
            #expect(
                goAway == GoAwayPayload(lastStreamID: 0, code: .invalidArgument, message: "expected the TWGW preface")
            )
            #expect(server.logged("rpc.connection.protocol_error"))
        }
    }

    @Test("an unsupported major version gets the server's preface, then GOAWAY FAILED_PRECONDITION")
    func unsupportedVersion() async throws {
        try await withTestServer { server in
            let socket = try await RawSocket.connect(port: server.port)
            try await socket.send(ConnectionPreface(majorVersion: 2, minorVersion: 0).bytes)
            #expect(try await socket.nextEvent() == .preface(.current))
            let goAway = try await Self.goAway(from: socket)
            #expect(goAway.code == .failedPrecondition)
            #expect(goAway.message == "this server speaks TWGW version 1.x; the client offered version 2.0")
        }
    }

    @Test("an oversized MESSAGE ends its call with RESOURCE_EXHAUSTED and the connection serves the next call")
    func oversizedMessage() async throws {
        try await withTestServer(RPCServer.Configuration(maxFrameSize: 16_384)) { server in
            let socket = try await RawSocket.handshake(port: server.port)
            try await socket.send { encoder in
                try encoder.appendHeaders(HeadersPayload(path: TestMethods.echo.path), streamID: 1)
                try encoder.appendMessage([UInt8](repeating: 7, count: 100_000), streamID: 1, endStream: true)
            }
            let status = try Self.status(try await Self.frames(of: socket, untilTrailersOf: 1).last)
            #expect(
                status
                    == RPCStatus(
                        code: .resourceExhausted,
                        message: "frame of 100000 bytes exceeds the limit of 16384 bytes"
                    )
            )

            let next = try await Self.echo(socket, streamID: 2, [9])
            #expect(next.first?.payload == [9])
            #expect(try Self.status(next.last) == .ok)
        }
    }

    @Test("an oversized HEADERS ends that call; an oversized frame on stream 0 ends the connection")
    func oversizedHeadersAndConnectionFrame() async throws {
        try await withTestServer(RPCServer.Configuration(maxFrameSize: 16_384)) { server in
            let socket = try await RawSocket.handshake(port: server.port)
            let metadata: RPCMetadata = ["big": String(repeating: "x", count: 20_000)]
            try await socket.send {
                try $0.appendHeaders(HeadersPayload(path: TestMethods.echo.path, metadata: metadata), streamID: 1)
            }
            #expect(try Self.status(try await socket.nextFrame()).code == .resourceExhausted)

            try await socket.send {
                try $0.append(Frame(type: .ping, streamID: 0, payload: [UInt8](repeating: 0, count: 20_000)))
            }
            let goAway = try await Self.goAway(from: socket)
            #expect(goAway.code == .resourceExhausted)
            #expect(goAway.lastStreamID == 1)
        }
    }

    @Test("an unknown frame type is ignored and the connection still works")
    func unknownFrameType() async throws {
        try await withTestServer { server in
            let socket = try await RawSocket.handshake(port: server.port)
            try await socket.send {
                try $0.append(
                    Frame(
                        type: FrameType(rawValue: 0x7F),
                        flags: FrameFlags(rawValue: 0xFF),
                        streamID: 99,
                        payload: [1, 2, 3]
                    )
                )
            }
            let frames = try await Self.echo(socket, streamID: 1, [5])
            #expect(try Self.status(frames.last) == .ok)
        }
    }

    @Test(
        "a malformed HEADERS payload ends that call with INVALID_ARGUMENT and the connection lives on",
        arguments: [
            ([0, 50, 0x2F], "the path is 50 bytes long but only 1 bytes remain"),
            ([0, 2, 0xC3, 0x28, 0, 0, 0, 0, 0, 0], "the path is not valid UTF-8"),
        ] as [([UInt8], String)]
    )
    func malformedHeaders(payload: [UInt8], problem: String) async throws {
        try await withTestServer { server in
            let socket = try await RawSocket.handshake(port: server.port)
            try await socket.send { try $0.append(Frame(type: .headers, streamID: 1, payload: payload)) }
            let status = try Self.status(try await socket.nextFrame())
            #expect(status == RPCStatus(code: .invalidArgument, message: "malformed HEADERS payload: " + problem))

            try await socket.send { try $0.appendMessage([1], streamID: 1, endStream: true) }
            let frames = try await Self.echo(socket, streamID: 2, [6])
            #expect(frames.map(\.streamID) == [2, 2])
        }
    }

    @Test(
        "rule violations get GOAWAY INVALID_ARGUMENT saying what was wrong, then a close",
        arguments: [
            ("stream IDs not increasing", "HEADERS for stream 3 after stream 5; stream IDs must increase"),
            ("MESSAGE for a stream never opened", "MESSAGE for stream 9, which was never opened"),
            ("HEADERS on stream 0", "HEADERS needs a call's stream ID, not stream 0"),
            ("PING on a call's stream", "PING must be sent on stream 0, not 4"),
            ("a short PING", "malformed PING payload: the payload is 3 bytes; it must be 8"),
            ("a partial SETTINGS entry", "malformed SETTINGS payload: 4 bytes is not a whole number of 6-byte entries"),
            ("TRAILERS from a client", "TRAILERS is sent only by servers"),
        ]
    )
    func connectionErrors(violation: String, reason: String) async throws {
        try await withTestServer { server in
            let socket = try await RawSocket.handshake(port: server.port)
            _ = try await Self.echo(socket, streamID: 5, [])
            try await socket.send { encoder in
                switch violation {
                case "stream IDs not increasing":
                    try encoder.appendHeaders(HeadersPayload(path: TestMethods.echo.path), streamID: 3)
                case "MESSAGE for a stream never opened":
                    try encoder.appendMessage([1], streamID: 9, endStream: true)
                case "HEADERS on stream 0":
                    try encoder.appendHeaders(HeadersPayload(path: TestMethods.echo.path), streamID: 0)
                case "PING on a call's stream":
                    try encoder.append(Frame(type: .ping, streamID: 4, payload: [0, 0, 0, 0, 0, 0, 0, 0]))
                case "a short PING":
                    try encoder.append(Frame(type: .ping, streamID: 0, payload: [1, 2, 3]))
                case "a partial SETTINGS entry":
                    try encoder.append(Frame(type: .settings, streamID: 0, payload: [0, 1, 0, 0]))
                default:
                    encoder.appendTrailers(TrailersPayload(status: .ok), streamID: 5)
                }
            }
            let goAway = try await Self.goAway(from: socket)
            #expect(goAway == GoAwayPayload(lastStreamID: 5, code: .invalidArgument, message: reason))
            #expect(
                server.logs.records.contains {
                    $0.message == "rpc.connection.protocol_error" && $0.metadata["rpc.reason"] == reason
                }
            )
        }
    }

    @Test("frames for a call that has ended are discarded")
    func lateFramesDiscarded() async throws {
        try await withTestServer { server in
            let socket = try await RawSocket.handshake(port: server.port)
            _ = try await Self.echo(socket, streamID: 1, [1])
            try await socket.send { encoder in
                try encoder.appendMessage([2], streamID: 1, endStream: true)
                encoder.appendCancel(streamID: 1)
            }
            let frames = try await Self.echo(socket, streamID: 2, [3])
            #expect(frames.map(\.streamID) == [2, 2])
        }
    }

    @Test("a request MESSAGE without END_STREAM is refused: client streaming is not supported")
    func clientStreamingRefused() async throws {
        try await withTestServer { server in
            let socket = try await RawSocket.handshake(port: server.port)
            try await socket.send { encoder in
                try encoder.appendHeaders(HeadersPayload(path: TestMethods.echo.path), streamID: 1)
                try encoder.appendMessage([1], streamID: 1)
            }
            #expect(try Self.status(try await socket.nextFrame()).code == .unimplemented)
        }
    }

    @Test("a PING is answered with an ACK carrying the same bytes")
    func pingAck() async throws {
        try await withTestServer { server in
            let socket = try await RawSocket.handshake(port: server.port)
            try await socket.send { $0.appendPing(PingPayload(data: 0x0102_0304_0506_0708)) }
            let ack = try #require(try await socket.nextFrame())
            #expect(ack.type == .ping && ack.flags == .ack)
            #expect(ack.payload == [1, 2, 3, 4, 5, 6, 7, 8])
        }
    }

    @Test("a CANCEL stops the handler and nothing more is sent on that stream")
    func cancelFrame() async throws {
        try await withTestServer { server in
            let socket = try await RawSocket.handshake(port: server.port)
            try await socket.send { encoder in
                try encoder.appendHeaders(HeadersPayload(path: TestMethods.hang.path), streamID: 1)
                try encoder.appendMessage([], streamID: 1, endStream: true)
            }
            #expect(await eventually { server.probe.started == 1 })
            try await socket.send { $0.appendCancel(streamID: 1) }
            #expect(await eventually { server.probe.cancelled == 1 })
            let frames = try await Self.echo(socket, streamID: 2, [8])
            #expect(frames.map(\.streamID) == [2, 2])
        }
    }

    @Test("past the limit of buffered requests the server reads no more calls until running ones end")
    func inboundLimit() async throws {
        try await withTestServer(RPCServer.Configuration(maxBufferedRequestBytes: 100)) { server in
            let socket = try await RawSocket.handshake(port: server.port)
            try await socket.send { encoder in
                try encoder.appendHeaders(HeadersPayload(path: TestMethods.slow.path), streamID: 1)
                try encoder.appendMessage(
                    Array("200".utf8) + [UInt8](repeating: 0x20, count: 200),
                    streamID: 1,
                    endStream: true
                )
                try encoder.appendHeaders(HeadersPayload(path: TestMethods.echo.path), streamID: 2)
                try encoder.appendMessage([2], streamID: 2, endStream: true)
            }
            let frames = try await Self.frames(of: socket, untilTrailersOf: 2)
            #expect(frames.filter { $0.type == .trailers }.map(\.streamID) == [1, 2])
        }
    }

    @Test("input cut off inside a frame is logged, not fatal")
    func truncatedPayload() async throws {
        try await withTestServer { server in
            let socket = try await RawSocket.handshake(port: server.port)
            try await socket.send { try $0.appendHeaders(HeadersPayload(path: TestMethods.echo.path), streamID: 1) }
            try await socket.send(
                Array(FrameHeader(payloadLength: 100, type: .message, streamID: 1).bytes) + [1, 2, 3]
            )
            socket.shutdown()
            #expect(await eventually { server.logged("rpc.connection.closed") })
            #expect(
                server.logs.records.contains {
                    $0.metadata["rpc.reason"]?.hasPrefix("the input ended after 3 of the 100 payload bytes") == true
                }
            )
        }
    }

    @Test("a connection that never sends its preface is closed after the handshake timeout")
    func handshakeTimeout() async throws {
        try await withTestServer(RPCServer.Configuration(handshakeTimeout: .milliseconds(100))) { server in
            let socket = try await RawSocket.connect(port: server.port)
            let frames = try await socket.framesUntilClosed()
            #expect(frames.isEmpty)
            #expect(server.logged("rpc.connection.handshake_timeout"))
        }
    }

    @Test("on graceful shutdown the GOAWAY names the last stream, later HEADERS get UNAVAILABLE, then the grace ends")
    func shutdownGoAway() async throws {
        let server = try TestServer(configuration: RPCServer.Configuration(shutdownGracePeriod: .seconds(1)))
        let socket = try await RawSocket.handshake(port: server.port)
        try await socket.send { encoder in
            try encoder.appendHeaders(HeadersPayload(path: TestMethods.hang.path), streamID: 4)
            try encoder.appendMessage([], streamID: 4, endStream: true)
        }
        #expect(await eventually { server.probe.started == 1 })
        server.server.beginGracefulShutdown()

        let goAwayFrame = try #require(try await socket.nextFrame())
        #expect(
            try GoAwayPayload(decoding: goAwayFrame.payload)
                == GoAwayPayload(lastStreamID: 4, code: .ok, message: "server shutting down")
        )
        try await socket.send { encoder in
            try encoder.appendHeaders(HeadersPayload(path: TestMethods.echo.path), streamID: 5)
            try encoder.appendMessage([], streamID: 5, endStream: true)
        }
        let refused = try #require(try await socket.nextFrame())
        #expect(refused.streamID == 5)
        #expect(try Self.status(refused).code == .unavailable)

        let remaining = try await socket.framesUntilClosed()
        #expect(remaining.map(\.streamID) == [4])
        #expect(
            try Self.status(remaining.first)
                == RPCStatus(code: .unavailable, message: "the server shut down before the call finished")
        )
        await server.server.waitUntilStopped()
        #expect(server.probe.cancelled == 1)
    }
}

extension FrameHeader {
    /// The header's 10 bytes.
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        encode(into: &bytes)
        return bytes
    }
}
