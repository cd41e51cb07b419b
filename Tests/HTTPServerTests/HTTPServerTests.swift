import Foundation
import HTTPServer
import ServiceSupport
import Testing

@Suite("HTTPServer over real sockets")
struct HTTPServerTests {
    private static func echoRouter() -> HTTPRouter {
        var router = HTTPRouter()
        router.add(.get, "/hello") { _ in .text("hello") }
        router.add(.get, "/items/{id}.json") { request in
            .json("{\"id\":\"\(request.pathParameters["id"] ?? "")\",\"query\":\"\(request.query)\"}")
        }
        router.add(.post, "/echo") { request in
            var response = HTTPResponse(status: .created, body: request.body)
            response.headers.add(name: "Content-Type", value: request.headers["content-type"] ?? "none")
            response.headers.add(name: "X-Body-Bytes", value: String(request.body.count))
            return response
        }
        router.add(.get, "/peer") { request in
            .text("\(request.remoteAddress) \(request.remotePort)")
        }
        router.add(.delete, "/nothing") { _ in HTTPResponse(status: .noContent) }
        return router
    }

    @Test("routes by method and path, with named segments and the raw query")
    func routing() async throws {
        try await withServer(handler: Self.echoRouter().handler) { _, port in
            let responses = try await HTTPClientScript.sequence(
                [
                    .init(method: "GET", path: "/hello"),
                    .init(method: "GET", path: "/items/SM123.json?PageSize=5&To=%2B1500"),
                    .init(method: "DELETE", path: "/nothing"),
                ],
                port: port
            )
            #expect(responses.map(\.status) == [200, 200, 204])
            #expect(responses[0].body == "hello")
            #expect(responses[0].header("Content-Type") == "text/plain; charset=utf-8")
            #expect(responses[1].body == #"{"id":"SM123","query":"PageSize=5&To=%2B1500"}"#)
            #expect(responses[1].header("Content-Type") == "application/json")
            #expect(responses[2].body.isEmpty)
        }
    }

    @Test("answers 404 for unknown paths and 405 with Allow for known paths")
    func notFoundAndMethodNotAllowed() async throws {
        try await withServer(handler: Self.echoRouter().handler) { _, port in
            let responses = try await HTTPClientScript.sequence(
                [
                    .init(method: "GET", path: "/missing"),
                    .init(method: "POST", path: "/hello", body: "x"),
                    .init(method: "PUT", path: "/echo", body: "x"),
                ],
                port: port
            )
            #expect(responses.map(\.status) == [404, 405, 405])
            #expect(responses[1].header("Allow") == "GET, HEAD")
            #expect(responses[2].header("Allow") == "POST")
        }
    }

    @Test("round-trips a JSON POST body and its headers")
    func jsonPostRoundTrip() async throws {
        let json = #"{"to":"+15005550006","body":"héllo ✓","n":[1,2,3]}"#
        try await withServer(handler: Self.echoRouter().handler) { _, port in
            let responses = try await HTTPClientScript.sequence(
                [.init(method: "POST", path: "/echo", headers: ["Content-Type": "application/json"], body: json)],
                port: port
            )
            #expect(responses[0].status == 201)
            #expect(responses[0].body == json)
            #expect(responses[0].header("Content-Type") == "application/json")
            #expect(responses[0].header("X-Body-Bytes") == String(json.utf8.count))
        }
    }

    @Test("reports the client's address and port")
    func remoteAddress() async throws {
        try await withServer(handler: Self.echoRouter().handler) { _, port in
            let responses = try await HTTPClientScript.sequence([.init(method: "GET", path: "/peer")], port: port)
            let parts = responses[0].body.split(separator: " ")
            #expect(parts.first == "127.0.0.1")
            #expect((Int(parts.last ?? "") ?? 0) > 0)
        }
    }

    @Test("serves IPv6 loopback")
    func ipv6() async throws {
        let configuration = HTTPServer.Configuration(host: "::1")
        try await withServer(configuration, handler: Self.echoRouter().handler) { _, port in
            let responses = try await HTTPClientScript.sequence(
                [.init(method: "GET", path: "/peer")],
                port: port,
                host: "::1"
            )
            #expect(responses[0].body.hasPrefix("::1 "))
        }
    }

    @Test("reuses one keep-alive connection for several requests")
    func keepAlive() async throws {
        try await withServer(handler: Self.echoRouter().handler) { _, port in
            let peer = HTTPClientScript.Request(method: "GET", path: "/peer")
            let responses = try await HTTPClientScript.sequence(
                [peer, .init(method: "POST", path: "/echo", body: "abc"), peer, peer],
                port: port
            )
            #expect(responses.map(\.status) == [200, 201, 200, 200])
            let ports = Set([responses[0], responses[2], responses[3]].map(\.body))
            #expect(ports.count == 1)
        }
    }

    @Test("answers 413 to a too-large Content-Length without reading the body")
    func contentLengthTooLarge() async throws {
        let configuration = HTTPServer.Configuration(maxBodyBytes: 1024)
        try await withServer(configuration, handler: Self.echoRouter().handler) { _, port in
            let head = "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5000000\r\n\r\n"
            let result = try await HTTPClientScript.raw([head], port: port)
            #expect(result.statusLine.hasPrefix("HTTP/1.1 413"))
            #expect(result.closed)
        }
    }

    @Test("answers 413 to a chunked body that grows past the limit")
    func chunkedBodyTooLarge() async throws {
        let configuration = HTTPServer.Configuration(maxBodyBytes: 1024)
        try await withServer(configuration, handler: Self.echoRouter().handler) { _, port in
            let chunk = String(repeating: "a", count: 500)
            let head = "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
            let body = String(repeating: "1f4\r\n\(chunk)\r\n", count: 3) + "0\r\n\r\n"
            let result = try await HTTPClientScript.raw([head, body], port: port)
            #expect(result.statusLine.hasPrefix("HTTP/1.1 413"))
            #expect(result.closed)
        }
    }

    @Test("accepts a chunked body within the limit")
    func chunkedBodyWithinLimit() async throws {
        let configuration = HTTPServer.Configuration(maxBodyBytes: 1024)
        try await withServer(configuration, handler: Self.echoRouter().handler) { _, port in
            let head = "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            let result = try await HTTPClientScript.raw([head, "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"], port: port)
            #expect(result.statusLine == "HTTP/1.1 201 Created")
            #expect(result.received.hasSuffix("\r\n\r\nhello world"))
        }
    }

    @Test("rejects a request head larger than the connection memory limit")
    func oversizedHeaders() async throws {
        let configuration = HTTPServer.Configuration(maxHeaderBytes: 8192)
        try await withServer(configuration, handler: Self.echoRouter().handler) { _, port in
            let big = String(repeating: "b", count: 20_000)
            let result = try await HTTPClientScript.raw(
                ["GET /hello HTTP/1.1\r\nHost: test\r\nX-Big: \(big)\r\n\r\n"],
                port: port
            )
            #expect(result.statusLine.hasPrefix("HTTP/1.1 431"))
            #expect(result.closed)
            #expect(!result.received.contains("hello"))
        }
    }

    @Test("drops a client that stops sending mid-request after the connection timeout")
    func tricklingClientDropped() async throws {
        let configuration = HTTPServer.Configuration(connectionTimeout: .seconds(1))
        try await withServer(configuration, handler: Self.echoRouter().handler) { _, port in
            let result = try await HTTPClientScript.raw(
                ["GET /hello HTTP/1.1\r\n", "Host: te", "st\r\n"],
                pause: 0.3,
                timeout: 15,
                port: port
            )
            #expect(result.closed)
            #expect(result.error != "timeout")
            #expect(!result.received.contains("200"))
        }
    }

    @Test("serves 200 concurrent requests whose handler sleeps 50 ms")
    func concurrentSlowHandlers() async throws {
        let handler: HTTPHandler = { request in
            try? await Task.sleep(for: .milliseconds(50))
            return .text("done \(request.path)")
        }
        let configuration = HTTPServer.Configuration(connectionLimit: 512)
        try await withServer(configuration, handler: handler) { _, port in
            let requests = (0..<200).map { HTTPClientScript.Request(method: "GET", path: "/r/\($0)") }
            let responses = try await HTTPClientScript.concurrent(requests, port: port)
            #expect(responses.count == 200)
            for (index, response) in responses.enumerated() {
                #expect(response.status == 200, "request \(index): \(response.error ?? "")")
                #expect(response.body == "done /r/\(index)")
            }
        }
    }

    @Test("stop() lets requests in their handlers finish within the grace period")
    func stopWaitsForInFlight() async throws {
        let arrivals = ArrivalCounter()
        let handler: HTTPHandler = { _ in
            arrivals.arrive()
            try? await Task.sleep(for: .milliseconds(300))
            return .text("finished")
        }
        let server = try HTTPServer(handler: handler)
        try server.start()
        let port = try #require(server.boundPort)
        let requests = (0..<5).map { HTTPClientScript.Request(method: "GET", path: "/slow/\($0)") }
        async let responses = HTTPClientScript.concurrent(requests, port: port)
        await arrivals.wait(for: 5)
        await stopOffThread(server)

        #expect(try await responses.map(\.status) == [200, 200, 200, 200, 200])
        #expect(try await responses.map(\.body) == Array(repeating: "finished", count: 5))
        #expect(server.boundPort == nil)
        let after = try await HTTPClientScript.raw(["GET / HTTP/1.1\r\n\r\n"], port: port)
        #expect(after.error == "connect:ConnectionRefusedError")
    }

    @Test("stop() answers 503 to handlers still running after the grace period")
    func stopAbandonsStuckHandlers() async throws {
        let arrivals = ArrivalCounter()
        let handler: HTTPHandler = { _ in
            arrivals.arrive()
            try? await Task.sleep(for: .seconds(5))
            return .text("too late")
        }
        let configuration = HTTPServer.Configuration(shutdownGracePeriod: .milliseconds(100))
        let server = try HTTPServer(configuration: configuration, handler: handler)
        try server.start()
        let port = try #require(server.boundPort)
        let requests = (0..<3).map { HTTPClientScript.Request(method: "GET", path: "/stuck/\($0)") }
        async let responses = HTTPClientScript.concurrent(requests, port: port)
        await arrivals.wait(for: 3)
        await stopOffThread(server)

        #expect(try await responses.map(\.status) == [503, 503, 503])
    }

    @Test("logs one debug line per request, phone numbers in the path masked")
    func requestLog() async throws {
        let records = InMemoryLogHandler()
        let logger = Logger(label: "test.http", handler: records, minimumLevel: .debug)
        try await withServer(logger: logger, handler: Self.echoRouter().handler) { _, port in
            _ = try await HTTPClientScript.sequence(
                [
                    .init(method: "GET", path: "/hello"), .init(method: "GET", path: "/missing?x=1"),
                    .init(method: "GET", path: "/sandbox/inbox/%2B15551234567"),
                ],
                port: port
            )
        }
        let finished = records.records.filter { $0.message == "http.request.finished" }
        #expect(finished.count == 3)
        #expect(finished.map { $0.metadata["http.path"] } == ["/hello", "/missing", "/sandbox/inbox/+155******67"])
        #expect(finished.map { $0.metadata["http.status"] } == ["200", "404", "404"])
        #expect(finished.allSatisfy { $0.metadata["http.method"] == "GET" && $0.level == .debug })
        #expect(finished.allSatisfy { $0.metadata["http.outcome"] == "completed" })
        #expect(finished.allSatisfy { Double($0.metadata["http.duration_ms"] ?? "") != nil })
    }
}
