import HTTPServer
import ServiceSupport
import Testing

@Suite("HTTPServer's bound on the time a request takes to arrive")
struct HTTPServerReceiveTimeoutTests {
    private static func router() -> HTTPRouter {
        var router = HTTPRouter()
        router.add(.get, "/hello") { _ in .text("hello") }
        router.add(.post, "/echo") { request in HTTPResponse(status: .ok, body: request.body) }
        router.add(.get, "/slow") { _ in
            try? await Task.sleep(for: .milliseconds(2500))
            return .text("slow but fine")
        }
        return router
    }

    /// Silences of 0.4 s never reach the 3-second inactivity timeout; only the total bound can
    /// drop these clients.
    private static let configuration = HTTPServer.Configuration(
        connectionTimeout: .seconds(3),
        requestReceiveTimeout: .seconds(1)
    )

    private static func oneByteEach(_ text: String) -> [String] {
        text.map { String($0) }
    }

    @Test(
        "a client trickling its request a byte at a time is dropped, in the head or in the body",
        arguments: [
            // The request line goes whole, then the headers trickle.
            ("GET /hello HTTP/1.1\r\n", "Host: test\r\nX-Slow: " + String(repeating: "a", count: 30)),
            // The head goes whole, then the body trickles.
            ("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 30\r\n\r\n", String(repeating: "b", count: 30)),
        ]
    )
    func tricklerDropped(whole: String, trickled: String) async throws {
        let records = InMemoryLogHandler()
        let logger = Logger(label: "test.http", handler: records, minimumLevel: .info)
        try await withServer(Self.configuration, logger: logger, handler: Self.router().handler) { _, port in
            let pieces = [whole] + Self.oneByteEach(trickled)
            let result = try await HTTPClientScript.raw(pieces, pause: 0.4, timeout: 20, port: port)
            #expect(result.closed)
            #expect(result.error?.hasPrefix("send:") == true, "the server let the whole request arrive: \(result)")
            #expect(!result.received.contains("200"))
        }
        let drops = records.records.filter { $0.message == "http.connection.receive_timeout" }
        #expect(drops.count == 1)
        #expect(drops.first?.level == .notice)
        #expect(drops.first?.metadata["http.peer"] == "127.0.0.1")
        #expect(drops.first?.metadata["http.limit"] == "request_receive_timeout")
        #expect(drops.first?.metadata["http.limit.ms"] == "1000.000")
    }

    @Test("time in the handler does not count: a slow handler's answer still goes out")
    func handlerTimeNotCounted() async throws {
        try await withServer(Self.configuration, handler: Self.router().handler) { _, port in
            let responses = try await HTTPClientScript.sequence(
                [.init(method: "GET", path: "/slow"), .init(method: "GET", path: "/hello")],
                port: port
            )
            #expect(responses.map(\.status) == [200, 200])
            #expect(responses.map(\.body) == ["slow but fine", "hello"])
        }
    }

    @Test("without the bound, the same trickler is never dropped by the inactivity timeout alone")
    func withoutBoundTricklerStays() async throws {
        let configuration = HTTPServer.Configuration(connectionTimeout: .seconds(3), requestReceiveTimeout: nil)
        try await withServer(configuration, handler: Self.router().handler) { _, port in
            let pieces = ["GET /hello HTTP/1.1\r\n"] + Self.oneByteEach("Host: testing")
            let result = try await HTTPClientScript.raw(pieces, pause: 0.3, timeout: 1, port: port)
            #expect(result.error == "timeout")
            #expect(!result.closed)
        }
    }

    @Test("a body over the limit is answered 413 and logged once, naming the limit and the peer")
    func bodyTooLargeLogged() async throws {
        let records = InMemoryLogHandler()
        let logger = Logger(label: "test.http", handler: records, minimumLevel: .info)
        let configuration = HTTPServer.Configuration(maxBodyBytes: 16)
        try await withServer(configuration, logger: logger, handler: Self.router().handler) { _, port in
            let responses = try await HTTPClientScript.sequence(
                [.init(method: "POST", path: "/echo", body: String(repeating: "x", count: 64))],
                port: port
            )
            #expect(responses.map(\.status) == [413])
        }
        let lines = records.records.filter { $0.message == "http.request.body_too_large" }
        #expect(lines.count == 1)
        #expect(lines.first?.metadata["http.limit"] == "max_body_bytes")
        #expect(lines.first?.metadata["http.limit.bytes"] == "16")
        #expect(lines.first?.metadata["http.peer"] == "127.0.0.1")
        #expect(lines.first?.metadata["http.path"] == "/echo")
    }

    @Test("a request receive timeout of zero is refused with a message naming it")
    func invalidTimeoutRefused() {
        #expect(throws: HTTPServerError.self) {
            _ = try HTTPServer(configuration: HTTPServer.Configuration(requestReceiveTimeout: .zero)) { _ in
                .text("never")
            }
        }
    }
}
