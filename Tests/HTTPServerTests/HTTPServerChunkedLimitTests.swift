import Foundation
import HTTPServer
import ServiceSupport
import Testing

/// A chunked body over `maxBodyBytes` is answered 413 and the connection closed, however far
/// past the limit it runs and however it is cut into chunks: the client always learns why.
@Suite("HTTPServer answers 413 to every chunked body over the limit")
struct HTTPServerChunkedLimitTests {
    private static let limit = 2000

    /// A server with a body limit of ``limit`` whose handler counts the requests it sees.
    private static func withLimitedServer(
        logger: Logger = .disabled,
        _ body: (Int, Counter) async throws -> Void
    ) async throws {
        let handled = Counter()
        let configuration = HTTPServer.Configuration(maxBodyBytes: limit)
        let handler: HTTPHandler = { _ in
            handled.add()
            return .text("ok")
        }
        try await withServer(configuration, logger: logger, handler: handler) { _, port in
            try await body(port, handled)
        }
    }

    /// A whole chunked request to `/graphql`: the head, `size` bytes of body in chunks of at
    /// most `chunkSize` bytes, and the last chunk.
    private static func chunkedRequest(size: Int, chunkSize: Int) -> String {
        var text = "POST /graphql HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
        var remaining = size
        while remaining > 0 {
            let count = min(chunkSize, remaining)
            text += String(count, radix: 16) + "\r\n" + String(repeating: "q", count: count) + "\r\n"
            remaining -= count
        }
        return text + "0\r\n\r\n"
    }

    /// Sends `request` in one write and reads until the server closes.
    private static func exchange(_ request: String, port: Int) async throws -> (received: String, closed: Bool) {
        let client = try StreamingClient(port: port)
        defer { client.close() }
        try client.sendRaw(request)
        let closed = try await client.read()
        return (client.text, closed)
    }

    @Test(
        "a body sent in one chunk and one write gets 413, from just over the limit to far past it",
        arguments: [limit + 1, limit + 100, limit + 1000, limit + 2001, limit + 3000, limit * 10, 1 << 20]
    )
    func oneLargeChunk(size: Int) async throws {
        try await Self.withLimitedServer { port, handled in
            let (received, closed) = try await Self.exchange(
                Self.chunkedRequest(size: size, chunkSize: size),
                port: port
            )
            #expect(received.hasPrefix("HTTP/1.1 413 "), "\(received.prefix(200))")
            #expect(received.contains("at most \(Self.limit) bytes"))
            #expect(closed)
            #expect(handled.value == 0)
        }
    }

    @Test("a body of limit + 3000 bytes gets 413 whatever its chunk size", arguments: [1, 7, 512, 1999, 2000, 4096])
    func chunkSizes(chunkSize: Int) async throws {
        try await Self.withLimitedServer { port, handled in
            let request = Self.chunkedRequest(size: Self.limit + 3000, chunkSize: chunkSize)
            let (received, closed) = try await Self.exchange(request, port: port)
            #expect(received.hasPrefix("HTTP/1.1 413 "), "\(received.prefix(200))")
            #expect(closed)
            #expect(handled.value == 0)
        }
    }

    @Test("a body of exactly the limit, in one chunk, reaches the handler")
    func atTheLimit() async throws {
        try await Self.withLimitedServer { port, handled in
            let request = Self.chunkedRequest(size: Self.limit, chunkSize: Self.limit)
            let client = try StreamingClient(port: port)
            defer { client.close() }
            try client.sendRaw(request)
            try await client.read { $0.hasSuffix("\r\n\r\nok") }
            #expect(client.text.hasPrefix("HTTP/1.1 200 OK"), "\(client.text.prefix(200))")
            #expect(handled.value == 1)
        }
    }

    @Test("a body far past the limit is logged once, when it crosses the limit, naming the limit and the peer")
    func loggedOnce() async throws {
        let records = InMemoryLogHandler()
        let logger = Logger(label: "test.http", handler: records, minimumLevel: .info)
        try await Self.withLimitedServer(logger: logger) { port, _ in
            let request = Self.chunkedRequest(size: Self.limit * 20, chunkSize: 1000)
            let (received, _) = try await Self.exchange(request, port: port)
            #expect(received.hasPrefix("HTTP/1.1 413 "))
        }
        let lines = records.records.filter { $0.message == "http.request.body_too_large" }
        #expect(lines.count == 1)
        #expect(lines.first?.metadata["http.limit"] == "max_body_bytes")
        #expect(lines.first?.metadata["http.limit.bytes"] == String(Self.limit))
        #expect(lines.first?.metadata["http.peer"] == "127.0.0.1")
        #expect(lines.first?.metadata["http.path"] == "/graphql")
    }
}
