import GatewayAPI
import ProtoBridge
import RPCCore
import ServiceSupport
import Synchronization

/// Stands in for the gateway's services behind an `InProcessTransport`: records each call and
/// answers with what the test set up (a response, an error, or nothing until cancelled).
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
    }

    private struct State {
        var calls: [Call] = []
        var answers: [String: Answer] = [:]
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

    /// A transport that reaches this fake through a real dispatcher.
    func makeTransport() -> InProcessTransport {
        var router = RPCRouter()
        for method in RPCMethod.gatewayMethods {
            router.register(method, .unary { [self] request, context in try await handle(request, context) })
        }
        return InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
    }

    private func handle(_ request: [UInt8], _ context: RPCServerContext) async throws -> [UInt8] {
        let call = Call(
            method: context.method,
            request: request,
            metadata: context.metadata,
            timeRemaining: context.timeRemaining
        )
        let answer = state.withLock { state in
            state.calls.append(call)
            return state.answers[context.method.path]
        }
        switch answer {
        case .response(let bytes): return bytes
        case .failure(let error): throw error
        case .hang:
            try await Task.sleep(for: .seconds(3600))
            throw CancellationError()
        case nil: throw RPCError(code: .unimplemented, message: "the test set no answer for \(context.method)")
        }
    }
}
