import GatewayTestSupport
import HTTPServer
import ServiceSupport
import Testing

@Suite("HTTPServer's limits on connections that send half a request")
struct HTTPServerConnectionLimitTests {
    private static func router() -> HTTPRouter {
        var router = HTTPRouter()
        router.add(.get, "/healthz") { _ in .text("ok") }
        router.add(.post, "/echo") { request in HTTPResponse(status: .ok, body: request.body) }
        return router
    }

    @Test("one address holds at most its limit of connections, each refusal logged; another address is still served")
    func perAddressLimit() async throws {
        let records = InMemoryLogHandler()
        let logger = Logger(label: "test.http", handler: records, minimumLevel: .info)
        let configuration = HTTPServer.Configuration(connectionLimit: 64, perIPConnectionLimit: 8)
        try await withServer(configuration, logger: logger, handler: Self.router().handler) { _, port in
            let outcome = try await HalfRequestFlood.run(port: port, count: 40, path: "/healthz")
            #expect(outcome.held == 8)
            #expect(outcome.sameAddressStatus == nil)
            #expect(outcome.otherAddressStatus == 200)
        }
        let refused = records.records.filter { $0.message == "http.connection.refused" }
        // 32 of the flood's connections, and its request from the same address.
        #expect(refused.count == 33)
        #expect(refused.allSatisfy { $0.metadata["http.peer"] == "127.0.0.1" && $0.level == .notice })
        #expect(refused.allSatisfy { $0.metadata["http.limit"] == "per_ip_connection_limit" })
        #expect(refused.allSatisfy { $0.metadata["http.limit.count"] == "8" })
    }

    @Test("a new connection that pauses in its request head is closed after the header timeout")
    func headerTimeout() async throws {
        let configuration = HTTPServer.Configuration(connectionTimeout: .seconds(30), headerTimeout: .seconds(1))
        try await withServer(configuration, handler: Self.router().handler) { _, port in
            let result = try await HTTPClientScript.raw(
                ["GET /healthz HTTP/1.1\r\n", "Host: te"],
                pause: 0.2,
                timeout: 20,
                port: port
            )
            #expect(result.closed)
            #expect(result.error != "timeout")
            #expect(result.elapsed < 10)
            #expect(!result.received.contains("200"))
        }
    }

    @Test("once the head is complete, a body may pause longer than the header timeout")
    func bodyGetsTheConnectionTimeout() async throws {
        let configuration = HTTPServer.Configuration(connectionTimeout: .seconds(30), headerTimeout: .seconds(1))
        try await withServer(configuration, handler: Self.router().handler) { _, port in
            let result = try await HTTPClientScript.raw(
                ["POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 4\r\nConnection: close\r\n\r\n", "ab", "cd"],
                pause: 1.6,
                timeout: 20,
                port: port
            )
            #expect(result.statusLine == "HTTP/1.1 200 OK")
            #expect(result.received.hasSuffix("abcd"))
        }
    }

    @Test("a header timeout longer than the connection timeout is refused", arguments: [Duration.zero, .seconds(31)])
    func invalidHeaderTimeout(headerTimeout: Duration) {
        let configuration = HTTPServer.Configuration(connectionTimeout: .seconds(30), headerTimeout: headerTimeout)
        #expect(throws: HTTPServerError.self) {
            _ = try HTTPServer(configuration: configuration, handler: { _ in .text("ok") })
        }
    }
}
