import Glibc
import ServiceSupport
import Testing

@testable import HTTPServer

@Suite("DisconnectWatcher")
struct DisconnectWatcherTests {
    /// A stream over one end of a socket pair, never started or suspended, so the pointer
    /// standing in for its connection is never used.
    private static func makeStream(socket: Int32) throws -> ResponseStream {
        let connection = ConnectionHandle(pointer: try #require(OpaquePointer(bitPattern: 0x1)))
        return ResponseStream(
            body: HTTPStreamingBody { _ in },
            connection: connection,
            socket: socket,
            logger: .disabled
        )
    }

    /// Whether a write fails as on a closed stream; a write to an open one only fills its buffer.
    private static func isClosed(_ stream: ResponseStream) async -> Bool {
        do {
            try await stream.write([1])
            return false
        } catch {
            return (error as? HTTPServerError)?.code == .streamClosed
        }
    }

    /// Whether `stream` is closed within ten seconds.
    private static func closesSoon(_ stream: ResponseStream) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if await isClosed(stream) {
                return true
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    @Test("closes the stream whose peer hangs up, and only that one")
    func peerHangsUp() async throws {
        var pairs: [[Int32]] = []
        for _ in 0..<2 {
            var fds: [Int32] = [0, 0]
            #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
            pairs.append(fds)
        }
        defer {
            for fd in pairs.joined() {
                close(fd)
            }
        }
        let watcher = try DisconnectWatcher()
        defer { watcher.stop() }
        let leaving = try Self.makeStream(socket: pairs[0][0])
        let staying = try Self.makeStream(socket: pairs[1][0])
        #expect(watcher.watch(leaving) != nil)
        let stayingID = try #require(watcher.watch(staying))

        shutdown(pairs[0][1], Int32(SHUT_RDWR))

        #expect(try await Self.closesSoon(leaving))
        #expect(!(await Self.isClosed(staying)))
        watcher.unwatch(stayingID, socket: pairs[1][0])
    }

    @Test("does not watch a stream without a socket")
    func noSocket() throws {
        let watcher = try DisconnectWatcher()
        defer { watcher.stop() }

        #expect(watcher.watch(try Self.makeStream(socket: -1)) == nil)
    }
}
