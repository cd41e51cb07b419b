import RPCCore
import ServiceSupport
import Testing

private let echo = RPCMethod(service: "test.Echo", name: "Echo")
private let slow = RPCMethod(service: "test.Echo", name: "Slow")
private let failing = RPCMethod(service: "test.Echo", name: "Fail")
private let crashing = RPCMethod(service: "test.Echo", name: "Crash")
private let counting = RPCMethod(service: "test.Echo", name: "Count")

private struct Unexpected: Error {}

private struct ConvertibleFailure: RPCErrorConvertible {
    func makeRPCError() -> RPCError {
        RPCError(code: .notFound, message: "no such thing", details: [7])
    }
}

private func makeDispatcher(logs: InMemoryLogHandler = InMemoryLogHandler()) -> RPCDispatcher {
    var router = RPCRouter()
    router.register(echo, .unary { request, context in request + Array(context.metadata["suffix", default: ""].utf8) })
    router.register(
        slow,
        .unary { request, _ in
            try await Task.sleep(for: .seconds(30))
            return request
        }
    )
    router.register(failing, .unary { _, _ in throw ConvertibleFailure() })
    router.register(crashing, .unary { _, _ in throw Unexpected() })
    router.register(
        counting,
        .serverStreaming { request, _, writer in
            for value in 0..<(request.first ?? 0) {
                try await writer.write([value])
            }
        }
    )
    return RPCDispatcher(router: router, logger: Logger(label: "test", handler: logs, minimumLevel: .trace))
}

extension RPCMetadata {
    fileprivate subscript(key: String, default fallback: String) -> String {
        self[key] ?? fallback
    }
}

@Suite("RPC dispatcher and in-process transport")
struct RPCDispatcherTests {
    @Test("a unary call returns the handler's response and sees the metadata")
    func unary() async throws {
        let transport = InProcessTransport(dispatcher: makeDispatcher())
        let response = try await transport.unary(
            echo,
            request: Array("hi".utf8),
            options: RPCCallOptions(metadata: ["Suffix": "!"])
        )
        #expect(String(decoding: response, as: UTF8.self) == "hi!")
    }

    @Test("an unknown method is UNIMPLEMENTED")
    func unknownMethod() async {
        let transport = InProcessTransport(dispatcher: makeDispatcher())
        let error = await #expect(throws: RPCError.self) {
            _ = try await transport.unary(RPCMethod(service: "test.Echo", name: "Nope"), request: [], options: .init())
        }
        #expect(error?.code == .unimplemented)
        #expect(error?.message.contains("/test.Echo/Nope") == true)
    }

    @Test("a slow handler ends with DEADLINE_EXCEEDED when the timeout passes")
    func deadline() async {
        let transport = InProcessTransport(dispatcher: makeDispatcher())
        let error = await #expect(throws: RPCError.self) {
            _ = try await transport.unary(slow, request: [], options: RPCCallOptions(timeout: .milliseconds(50)))
        }
        #expect(error?.code == .deadlineExceeded)
    }

    @Test("cancelling the caller's task ends the call with CANCELLED")
    func cancellation() async {
        let transport = InProcessTransport(dispatcher: makeDispatcher())
        let task = Task { try await transport.unary(slow, request: [], options: .init()) }
        try? await Task.sleep(for: .milliseconds(20))
        task.cancel()
        let result = await task.result
        #expect(throws: RPCError(code: .cancelled, message: "the call was cancelled")) { try result.get() }
    }

    @Test("errors become statuses: convertible errors keep their code, others become INTERNAL")
    func errorMapping() async {
        let logs = InMemoryLogHandler()
        let transport = InProcessTransport(dispatcher: makeDispatcher(logs: logs))
        let converted = await #expect(throws: RPCError.self) {
            _ = try await transport.unary(failing, request: [], options: .init())
        }
        #expect(converted == RPCError(code: .notFound, message: "no such thing", details: [7]))

        let unexpected = await #expect(throws: RPCError.self) {
            _ = try await transport.unary(crashing, request: [], options: .init())
        }
        #expect(unexpected?.code == .internalError)
        #expect(unexpected?.message.contains("Unexpected") == false)
        #expect(logs.records.contains { $0.message == "rpc.handler.unexpected_error" })
    }

    @Test("a server-streaming call delivers every message in order")
    func streaming() async throws {
        let transport = InProcessTransport(dispatcher: makeDispatcher())
        var received: [UInt8] = []
        for try await message in transport.serverStreaming(counting, request: [5], options: .init()) {
            received += message
        }
        #expect(received == [0, 1, 2, 3, 4])
    }

    @Test("every call is logged once with its method and status")
    func logging() async throws {
        let logs = InMemoryLogHandler()
        let transport = InProcessTransport(dispatcher: makeDispatcher(logs: logs))
        _ = try await transport.unary(echo, request: [], options: .init())
        let finished = logs.records.filter { $0.message == "rpc.call.finished" }
        #expect(finished.count == 1)
        #expect(finished.first?.metadata["rpc.method"] == "/test.Echo/Echo")
        #expect(finished.first?.metadata["rpc.code"] == "OK")
    }
}
