import Testing
import WireFraming

@Suite("RPCServer's count of open connections")
struct ConnectionCountTests {
    /// Polls `server`'s count until it is `expected` or five seconds have passed; returns the last count.
    private static func count(of server: RPCServer, settlingOn expected: Int) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(5)
        while server.openConnectionCount != expected, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        return server.openConnectionCount
    }

    @Test("counts each accepted connection until it closes")
    func opensAndCloses() async throws {
        try await withTestServer { test in
            #expect(test.server.openConnectionCount == 0)
            let kept = try await RawSocket.handshake(port: test.port)
            do {
                let closed = try await RawSocket.handshake(port: test.port)
                #expect(try await Self.count(of: test.server, settlingOn: 2) == 2)
                withExtendedLifetime(closed) {}
            }

            #expect(try await Self.count(of: test.server, settlingOn: 1) == 1)
            withExtendedLifetime(kept) {}
        }
    }
}
