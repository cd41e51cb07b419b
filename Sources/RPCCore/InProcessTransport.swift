/// A client transport that hands calls straight to a dispatcher in the same process.
///
/// Calls behave as they do over TCP (deadlines, cancellation, statuses) without sockets
/// or framing, which is how the GraphQL gateway reaches the services by default.
public struct InProcessTransport: RPCClientTransport {
    private let dispatcher: RPCDispatcher

    /// Creates a transport that calls `dispatcher`.
    public init(dispatcher: RPCDispatcher) {
        self.dispatcher = dispatcher
    }

    public func unary(_ method: RPCMethod, request: [UInt8], options: RPCCallOptions) async throws -> [UInt8] {
        let response = ResponseSlot()
        let status = await dispatcher.handle(incoming(method, request, options)) { message in
            response.store(message)
        }
        if let error = status.error {
            throw error
        }
        guard let message = response.value else {
            throw RPCError(code: .internalError, message: "the server finished a unary call without a response")
        }
        return message
    }

    public func serverStreaming(
        _ method: RPCMethod,
        request: [UInt8],
        options: RPCCallOptions
    ) -> AsyncThrowingStream<[UInt8], any Error> {
        let call = incoming(method, request, options)
        let dispatcher = self.dispatcher
        return AsyncThrowingStream { continuation in
            let task = Task {
                let status = await dispatcher.handle(call) { message in
                    continuation.yield(message)
                }
                continuation.finish(throwing: status.error)
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func incoming(_ method: RPCMethod, _ request: [UInt8], _ options: RPCCallOptions) -> RPCIncomingCall {
        RPCIncomingCall(
            path: method.path,
            metadata: options.metadata,
            timeout: options.timeout,
            request: request,
            peer: "in-process"
        )
    }
}
