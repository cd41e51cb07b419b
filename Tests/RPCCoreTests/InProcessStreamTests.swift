import RPCCore
import ServiceSupport
import Synchronization
import Testing

/// Flow control of server streams over ``InProcessTransport``: the handler runs only a small
/// window ahead of a reader, as it would over TCP.
@Suite("In-process server streams")
struct InProcessStreamTests {
    private static let method = RPCMethod(service: "test.Stream", name: "Numbers")

    /// What the handler did: how many messages its writer accepted, and how it ended.
    private final class Progress: Sendable {
        let sent = Atomic(0)
        let ended = Mutex<String?>(nil)
    }

    /// A transport whose handler sends `count` messages (each its index as four bytes),
    /// reporting to `progress`.
    private static func transport(count: Int, progress: Progress) -> InProcessTransport {
        var router = RPCRouter()
        router.register(
            method,
            .serverStreaming { _, _, writer in
                do {
                    for index in 0..<count {
                        try await writer.write(withUnsafeBytes(of: UInt32(index).bigEndian, Array.init))
                        progress.sent.add(1, ordering: .relaxed)
                    }
                    progress.ended.withLock { $0 = "finished" }
                } catch {
                    progress.ended.withLock { $0 = "cancelled" }
                    throw error
                }
            }
        )
        return InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
    }

    @Test("every message arrives in order")
    func everyMessage() async throws {
        let progress = Progress()
        var received: [UInt32] = []
        let stream = Self.transport(count: 500, progress: progress)
            .serverStreaming(Self.method, request: [], options: .init())
        for try await message in stream {
            received.append(message.reduce(0) { $0 << 8 | UInt32($1) })
        }
        #expect(received == (0..<500).map(UInt32.init))
        #expect(progress.ended.withLock { $0 } == "finished")
    }

    @Test("a reader that stops reading holds the handler back to the window")
    func readerHoldsHandlerBack() async throws {
        let progress = Progress()
        let stream = Self.transport(count: 100_000, progress: progress)
            .serverStreaming(Self.method, request: [], options: .init())
        var iterator = stream.makeAsyncIterator()
        for _ in 0..<3 {
            _ = try await iterator.next()
        }
        try await Task.sleep(for: .milliseconds(200))
        let ahead = progress.sent.load(ordering: .relaxed)
        #expect(ahead <= 3 + 16 + 1, "the handler got \(ahead) messages out for a reader that took 3")
        #expect(progress.ended.withLock { $0 } == nil)
    }

    @Test("a reader that leaves cancels the handler, even while it waits for the window")
    func readerLeaves() async throws {
        let progress = Progress()
        let reading = Task {
            let stream = Self.transport(count: 100_000, progress: progress)
                .serverStreaming(Self.method, request: [], options: .init())
            var iterator = stream.makeAsyncIterator()
            _ = try await iterator.next()
            try await Task.sleep(for: .seconds(60))
        }
        for _ in 0..<500 where progress.sent.load(ordering: .relaxed) < 10 {
            try await Task.sleep(for: .milliseconds(2))
        }
        reading.cancel()
        for _ in 0..<500 where progress.ended.withLock({ $0 }) == nil {
            try await Task.sleep(for: .milliseconds(2))
        }
        #expect(progress.ended.withLock { $0 } == "cancelled")
    }
}
