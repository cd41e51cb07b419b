import HTTPServer
import Testing

@Suite("HTTPServer's count of open connections")
struct HTTPServerConnectionCountTests {
    /// Polls `server`'s count until it is `expected` or five seconds have passed; returns the last count.
    private static func count(of server: HTTPServer, settlingOn expected: Int) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(5)
        while server.openConnectionCount != expected, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        return server.openConnectionCount
    }

    @Test("counts the connections of requests in progress, and none once they have closed")
    func inProgress() async throws {
        let arrived = ArrivalCounter()
        let released = ArrivalCounter()
        let handler: HTTPHandler = { _ in
            arrived.arrive()
            await released.wait(for: 1)
            return .text("done")
        }
        try await withServer(handler: handler) { server, port in
            #expect(server.openConnectionCount == 0)
            let requests = Array(repeating: HTTPClientScript.Request(method: "GET", path: "/"), count: 3)
            async let responses = HTTPClientScript.concurrent(requests, port: port)

            await arrived.wait(for: 3)
            #expect(server.openConnectionCount == 3)
            released.arrive()

            let statuses = try await responses.map(\.status)
            let remaining = try await Self.count(of: server, settlingOn: 0)
            #expect(statuses == [200, 200, 200])
            #expect(remaining == 0)
        }
    }

    @Test("a stopped server reports no connections")
    func stopped() async throws {
        let server = try HTTPServer(handler: { _ in .text("ok") })
        try server.start()
        await stopOffThread(server)
        #expect(server.openConnectionCount == 0)
    }
}
