import RPCCore
import ServiceSupport
import Synchronization
import Testing

/// Collects the events a dispatcher reports.
private final class EventLog: Sendable {
    private let events = Mutex<[RPCCallEvent]>([])

    func record(_ event: RPCCallEvent) {
        events.withLock { $0.append(event) }
    }

    var recorded: [RPCCallEvent] {
        events.withLock { $0 }
    }
}

@Suite("RPC dispatcher's observer")
struct RPCDispatcherObserverTests {
    static let ok = RPCMethod(service: "test.Observed", name: "Ok")
    static let slow = RPCMethod(service: "test.Observed", name: "Slow")
    static let stream = RPCMethod(service: "test.Observed", name: "Stream")

    private static func makeTransport(_ log: EventLog) -> InProcessTransport {
        var router = RPCRouter()
        router.register(ok, .unary { request, _ in request })
        router.register(
            slow,
            .unary { request, _ in
                try await Task.sleep(for: .seconds(30))
                return request
            }
        )
        router.register(
            stream,
            .serverStreaming { _, _, writer in
                try await writer.write([1])
                try await writer.write([2])
            }
        )
        return InProcessTransport(
            dispatcher: RPCDispatcher(router: router, logger: .disabled) { log.record($0) }
        )
    }

    @Test("reports every call once with its method and final code, streams and failures included")
    func everyCall() async throws {
        let log = EventLog()
        let transport = Self.makeTransport(log)

        _ = try await transport.unary(Self.ok, request: [1], options: .init())
        var received = 0
        for try await _ in transport.serverStreaming(Self.stream, request: [], options: .init()) {
            received += 1
        }
        await #expect(throws: RPCError.self) {
            _ = try await transport.unary(Self.slow, request: [], options: .init(timeout: .milliseconds(20)))
        }
        await #expect(throws: RPCError.self) {
            _ = try await transport.unary(RPCMethod(service: "made.Up", name: "Nope"), request: [], options: .init())
        }

        let events = log.recorded
        #expect(received == 2)
        #expect(events.map(\.method) == [Self.ok, Self.stream, Self.slow, nil])
        #expect(events.map(\.code) == [.ok, .ok, .deadlineExceeded, .unimplemented])
        #expect(events[2].duration >= .milliseconds(20))
    }

    @Test("a call whose task is cancelled is reported as CANCELLED")
    func cancelled() async throws {
        let log = EventLog()
        let transport = Self.makeTransport(log)
        let call = Task {
            try await transport.unary(Self.slow, request: [], options: .init())
        }
        try await Task.sleep(for: .milliseconds(20))
        call.cancel()
        _ = await call.result

        #expect(log.recorded.map(\.code) == [.cancelled])
        #expect(log.recorded.first?.method == Self.slow)
    }
}
