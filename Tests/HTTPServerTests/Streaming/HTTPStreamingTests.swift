import Foundation
import GatewayTestSupport
import ServiceSupport
import Synchronization
import Testing

@testable import HTTPServer

@Suite("HTTPServer streaming responses")
struct HTTPStreamingTests {
    private struct ProducerFailure: Error {}

    /// Waits until `counter` reaches `value`, for at most ten seconds.
    private static func reaches(_ counter: Counter, _ value: Int) async -> Bool {
        await eventually { counter.value >= value ? true : nil } == true
    }

    /// Waits until the server has no request in progress, for at most ten seconds.
    private static func settles(_ server: HTTPServer) async -> Bool {
        await eventually { server.activeRequestCount == 0 ? true : nil } == true
    }

    @Test("sends each write as it happens, chunked, and ends the body when the producer returns")
    func streamsOverTime() async throws {
        let gate = ArrivalCounter()
        let handler: HTTPHandler = { _ in
            .streaming(headers: ["Content-Type": "text/event-stream", "Content-Length": "3"]) { writer in
                try await writer.write("one\n")
                await gate.wait(for: 1)
                try await writer.write(Array("two\n".utf8))
                try await writer.write([])
            }
        }
        try await withServer(handler: handler) { server, port in
            let client = try StreamingClient(port: port)
            try client.sendRequest("/events")
            try await client.read { $0.contains("one\n") }

            let head = client.text.lowercased()
            #expect(head.hasPrefix("http/1.1 200 ok\r\n"))
            #expect(head.contains("transfer-encoding: chunked\r\n"))
            #expect(head.contains("content-type: text/event-stream\r\n"))
            #expect(!head.contains("content-length"))
            #expect(!client.text.contains("two"))

            gate.arrive()
            try await client.readToEndOfBody()
            #expect(client.body == "one\ntwo\n")
            #expect(await Self.settles(server))
        }
    }

    @Test("a client that hangs up while the producer has nothing to send cancels the producer")
    func hangUpWhileIdle() async throws {
        let cancelled = Counter()
        let handler: HTTPHandler = { _ in
            .streaming { writer in
                try await writer.write("hello\n")
                do {
                    try await Task.sleep(for: .seconds(3600))
                } catch {
                    cancelled.add()
                }
            }
        }
        try await withServer(handler: handler) { server, port in
            let client = try StreamingClient(port: port)
            try client.sendRequest("/idle")
            try await client.read { $0.contains("hello\n") }
            #expect(cancelled.value == 0)

            client.close()

            #expect(await Self.reaches(cancelled, 1))
            #expect(await Self.settles(server))
        }
    }

    @Test("a client that stops reading holds the producer back; hanging up fails its write")
    func backpressureThenHangUp() async throws {
        let written = Counter()
        let failures = Mutex<[String]>([])
        let handler: HTTPHandler = { _ in
            .streaming(bufferSize: 16 << 10) { writer in
                let chunk = [UInt8](repeating: 0x61, count: 64 << 10)
                do {
                    for _ in 0..<4096 {
                        try await writer.write(chunk)
                        written.add(chunk.count)
                    }
                } catch {
                    failures.withLock { $0.append(String(describing: type(of: error))) }
                }
            }
        }
        try await withServer(handler: handler) { server, port in
            let client = try StreamingClient(port: port, receiveBufferBytes: 4096)
            try client.sendRequest("/firehose")
            try await client.read { $0.contains("\r\n\r\n") }

            var last = -1
            while written.value != last {
                last = written.value
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(last < 32 << 20, "the producer wrote \(last) bytes to a client that read none")

            client.close()

            #expect(await eventually { failures.withLock { $0.isEmpty ? nil : $0 } } != nil)
            #expect(await Self.settles(server))
        }
    }

    @Test("a slow reader gets every byte in order")
    func slowReaderGetsEverything() async throws {
        let pattern = (0..<(1 << 20)).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        let handler: HTTPHandler = { _ in
            .streaming(bufferSize: 4096) { writer in
                var offset = 0
                while offset < pattern.count {
                    let end = min(offset + 10_000, pattern.count)
                    try await writer.write(Array(pattern[offset..<end]))
                    offset = end
                }
            }
        }
        try await withServer(handler: handler) { _, port in
            let client = try StreamingClient(port: port, receiveBufferBytes: 4096)
            try client.sendRequest("/pattern")
            try await client.read(byteCount: pattern.count)
            try await client.readToEndOfBody()

            #expect(client.body == String(decoding: pattern, as: UTF8.self))
        }
    }

    @Test("serves 50 streams at once, each to its end")
    func manyStreams() async throws {
        let handler: HTTPHandler = { request in
            .streaming { writer in
                for step in 0..<20 {
                    try await writer.write("\(request.path):\(step)\n")
                    await Task.yield()
                }
            }
        }
        try await withServer(handler: handler) { server, port in
            let bodies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let client = try StreamingClient(port: port)
                        try client.sendRequest("/s/\(index)")
                        try await client.readToEndOfBody()
                        return (index, client.body)
                    }
                }
                var bodies: [Int: String] = [:]
                for try await (index, body) in group {
                    bodies[index] = body
                }
                return bodies
            }

            for index in 0..<50 {
                #expect(bodies[index] == (0..<20).map { "/s/\(index):\($0)\n" }.joined())
            }
            #expect(await Self.settles(server))
        }
    }

    @Test("stop() ends every stream at once with its final chunk and cancels the producers")
    func stopEndsStreams() async throws {
        let cancelled = Counter()
        let handler: HTTPHandler = { _ in
            .streaming { writer in
                try await writer.write("ready\n")
                do {
                    try await Task.sleep(for: .seconds(3600))
                } catch {
                    cancelled.add()
                    await #expect(throws: HTTPServerError.self) { try await writer.write("after stop\n") }
                }
            }
        }
        let configuration = HTTPServer.Configuration(shutdownGracePeriod: .seconds(30))
        let server = try HTTPServer(configuration: configuration, handler: handler)
        try server.start()
        let port = try #require(server.boundPort)
        let clients = try (0..<3).map { _ in try StreamingClient(port: port) }
        for client in clients {
            try client.sendRequest("/live")
            try await client.read { $0.contains("ready\n") }
        }

        let started = ContinuousClock.now
        await stopOffThread(server)

        #expect(ContinuousClock.now - started < .seconds(30), "stop() waited out its grace period")
        for client in clients {
            try await client.readToEndOfBody()
            #expect(client.text.hasSuffix("\r\n0\r\n\r\n"))
            #expect(client.body == "ready\n")
        }
        #expect(await Self.reaches(cancelled, 3))
    }

    @Test("a producer that throws ends the connection without the final chunk")
    func producerThrows() async throws {
        let handler: HTTPHandler = { _ in
            .streaming { writer in
                try await writer.write("partial\n")
                throw ProducerFailure()
            }
        }
        try await withServer(handler: handler) { _, port in
            let client = try StreamingClient(port: port)
            try client.sendRequest("/broken")
            let closed = try await client.read()

            #expect(closed)
            #expect(client.body == "partial\n")
            #expect(!client.text.hasSuffix("\r\n0\r\n\r\n"))
        }
    }

    @Test("a write after the producer returned throws streamClosed")
    func writeAfterReturn() async throws {
        let kept = Mutex<HTTPBodyWriter?>(nil)
        let handler: HTTPHandler = { _ in
            .streaming { writer in
                kept.withLock { $0 = writer }
            }
        }
        try await withServer(handler: handler) { _, port in
            let client = try StreamingClient(port: port)
            try client.sendRequest("/short")
            try await client.readToEndOfBody()
            let writer = try #require(kept.withLock { $0 })

            let error = await #expect(throws: HTTPServerError.self) { try await writer.write("late") }
            #expect(error?.code == .streamClosed)
        }
    }

    @Test(
        "a streaming response the server cannot send is answered 500, and its producer never runs",
        arguments: [
            HTTPResponse.streaming(status: HTTPStatus(code: 42)) { _ in },
            HTTPResponse.streaming(headers: ["Bad\r\nName": "x"]) { _ in },
        ]
    )
    func unsendable(response: HTTPResponse) async throws {
        let ran = Counter()
        var response = response
        let produce = try #require(response.streamingBody?.produce)
        response.streamingBody = HTTPStreamingBody { writer in
            ran.add()
            try await produce(writer)
        }
        let handler: HTTPHandler = { [response] _ in response }
        try await withServer(handler: handler) { _, port in
            let client = try StreamingClient(port: port)
            try client.sendRequest("/bad")
            try await client.read { $0.contains("\r\n\r\n") }

            #expect(client.text.hasPrefix("HTTP/1.1 500 "))
            #expect(ran.value == 0)
        }
    }

    @Test("answers HEAD with the head only and cancels the producer")
    func head() async throws {
        let cancelled = Counter()
        let handler: HTTPHandler = { _ in
            .streaming(headers: ["Content-Type": "text/event-stream"]) { writer in
                do {
                    try await Task.sleep(for: .seconds(3600))
                } catch {
                    cancelled.add()
                }
            }
        }
        try await withServer(handler: handler) { server, port in
            let client = try StreamingClient(port: port)
            try client.sendRequest("/events", method: "HEAD")
            try await client.read { $0.contains("\r\n\r\n") }

            #expect(client.text.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(await Self.reaches(cancelled, 1))
            #expect(await Self.settles(server))
        }
    }
}
