import Foundation
import Testing

@testable import HTTPServer

@Suite("HTTPServer request accounting")
struct HTTPServerAccountingTests {
    private static let ok: HTTPHandler = { _ in .text("ok") }

    /// Waits (bounded) for the server to report no request in progress.
    private static func settledCount(_ server: HTTPServer) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(5)
        while server.activeRequestCount > 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        return server.activeRequestCount
    }

    @Test("releases every request context, however the request ended")
    func contextsReleased() async throws {
        let configuration = HTTPServer.Configuration(
            maxBodyBytes: 100,
            maxHeaderBytes: 8192,
            connectionTimeout: .seconds(1)
        )
        try await withServer(configuration, handler: Self.ok) { server, port in
            let big = String(repeating: "h", count: 20_000)
            async let oversizedHead = HTTPClientScript.raw(
                ["GET / HTTP/1.1\r\nHost: t\r\nX: \(big)\r\n\r\n"],
                port: port
            )
            async let oversizedBody = HTTPClientScript.raw(
                ["POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n"],
                port: port
            )
            async let stalled = HTTPClientScript.raw(
                ["POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nab"],
                port: port
            )
            async let normal = HTTPClientScript.raw(
                ["GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"],
                port: port
            )
            let results = try await [oversizedHead, oversizedBody, stalled, normal]

            #expect(results.map(\.closed) == [true, true, true, true])
            #expect(results[3].statusLine == "HTTP/1.1 200 OK")
            #expect(try await Self.settledCount(server) == 0)
        }
    }

    @Test("answers 413 and closes a connection whose chunked body runs far past the limit")
    func chunkedFarPastLimit() async throws {
        let configuration = HTTPServer.Configuration(maxBodyBytes: 100)
        try await withServer(configuration, handler: Self.ok) { server, port in
            let chunk = String(repeating: "z", count: 250)
            let head = "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
            let result = try await HTTPClientScript.raw(
                [head, "fa\r\n\(chunk)\r\n", "fa\r\n\(chunk)\r\n", "0\r\n\r\n"],
                port: port
            )
            #expect(result.closed)
            #expect(result.statusLine.hasPrefix("HTTP/1.1 413"), "\(result.received)")
            #expect(try await Self.settledCount(server) == 0)
        }
    }
}
