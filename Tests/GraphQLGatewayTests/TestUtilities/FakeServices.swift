import GatewayAPI
import ProtoBridge
import RPCCore
import ServiceSupport
import Synchronization

/// Stands in for the gateway's services behind an `InProcessTransport`: records each call and
/// answers with what the test set up (a response, a stream, an error, or nothing until cancelled).
final class FakeServices: Sendable {
    /// One call as the fake received it.
    struct Call: Sendable {
        var method: RPCMethod
        var request: [UInt8]
        var metadata: RPCMetadata
        var timeRemaining: Duration?

        /// The request decoded as `type`.
        func decoded<Message: ProtoMessageConvertible>(as type: Message.Type) throws -> Message {
            try Message(serializedBytes: request)
        }
    }

    /// How the fake answers a method.
    enum Answer: Sendable {
        case response([UInt8])
        case failure(RPCError)
        /// Waits until the call is cancelled (by its deadline, say).
        case hang
        /// Streams these messages, then ends the call with `end`, or OK when it is `nil`.
        case stream([[UInt8]], end: RPCError?)
        /// Streams these messages, then waits until the call is cancelled.
        case streamThenHang([[UInt8]])
    }

    private struct State {
        var calls: [Call] = []
        var answers: [String: Answer] = [:]
        var cancellations = 0
    }

    private let state = Mutex(State())

    /// Every call received so far, oldest first.
    var calls: [Call] {
        state.withLock { $0.calls }
    }

    /// Answers `method` with `response`.
    func answer(_ method: RPCMethod, with response: some ProtoMessageConvertible) throws {
        let bytes = try response.serializedBytes()
        state.withLock { $0.answers[method.path] = .response(bytes) }
    }

    /// Answers `method` with `answer`.
    func answer(_ method: RPCMethod, _ answer: Answer) {
        state.withLock { $0.answers[method.path] = answer }
    }

    /// Answers the server-streaming `method` with `messages`, then `end` (OK when `nil`), or
    /// with `messages` and then nothing until the call is cancelled when `hang` is set.
    func stream(
        _ method: RPCMethod,
        _ messages: [some ProtoMessageConvertible],
        end: RPCError? = nil,
        hang: Bool = false
    ) throws {
        let encoded = try messages.map { try $0.serializedBytes() }
        answer(method, hang ? .streamThenHang(encoded) : .stream(encoded, end: end))
    }

    /// How many calls the fake saw cancelled while it held them open.
    var cancellations: Int {
        state.withLock { $0.cancellations }
    }

    /// A transport that reaches this fake through a real dispatcher, with every method of the
    /// gateway's services registered as unary or server-streaming as its .proto says.
    func makeTransport() -> InProcessTransport {
        var router = RPCRouter()
        for service in ProtoSchema.gateway.services {
            for method in service.methods {
                let rpcMethod = RPCMethod(service: service.fullName, name: method.name)
                if method.serverStreaming {
                    router.register(
                        rpcMethod,
                        .serverStreaming { [self] request, context, writer in
                            try await handleStream(request, context, writer)
                        }
                    )
                } else {
                    router.register(rpcMethod, .unary { [self] request, context in try await handle(request, context) })
                }
            }
        }
        return InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
    }

    private func record(_ request: [UInt8], _ context: RPCServerContext) -> Answer? {
        let call = Call(
            method: context.method,
            request: request,
            metadata: context.metadata,
            timeRemaining: context.timeRemaining
        )
        return state.withLock { state in
            state.calls.append(call)
            return state.answers[context.method.path]
        }
    }

    private func handle(_ request: [UInt8], _ context: RPCServerContext) async throws -> [UInt8] {
        switch record(request, context) {
        case .response(let bytes): return bytes
        case .failure(let error): throw error
        case .hang: try await hangUntilCancelled()
        case .stream, .streamThenHang, nil:
            throw RPCError(code: .unimplemented, message: "the test set no unary answer for \(context.method)")
        }
    }

    private func handleStream(_ request: [UInt8], _ context: RPCServerContext, _ writer: RPCResponseWriter)
        async throws
    {
        switch record(request, context) {
        case .stream(let messages, let end):
            for message in messages {
                try await writer.write(message)
            }
            if let end {
                throw end
            }
        case .streamThenHang(let messages):
            for message in messages {
                try await writer.write(message)
            }
            try await hangUntilCancelled()
        case .failure(let error):
            throw error
        case .hang:
            try await hangUntilCancelled()
        case .response, nil:
            throw RPCError(code: .unimplemented, message: "the test set no stream for \(context.method)")
        }
    }

    /// Waits until the call is cancelled, and counts the cancellation.
    private func hangUntilCancelled() async throws -> Never {
        do {
            try await Task.sleep(for: .seconds(3600))
        } catch {
            state.withLock { $0.cancellations += 1 }
        }
        throw CancellationError()
    }
}
