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

    /// Streams the handler's messages; the handler runs at most ``streamWindow`` messages ahead
    /// of the reader, so a reader that stops reading holds it back (as TCP's flow control does)
    /// rather than letting messages pile up in memory.
    public func serverStreaming(
        _ method: RPCMethod,
        request: [UInt8],
        options: RPCCallOptions
    ) -> AsyncThrowingStream<[UInt8], any Error> {
        let call = incoming(method, request, options)
        let dispatcher = self.dispatcher
        let credit = StreamCredit(window: Self.streamWindow)
        let messages = AsyncThrowingStream<[UInt8], any Error> { continuation in
            let task = Task {
                let status = await dispatcher.handle(call) { message in
                    await credit.acquire()
                    try Task.checkCancellation()
                    continuation.yield(message)
                }
                continuation.finish(throwing: status.error)
            }
            continuation.onTermination = { _ in
                credit.close()
                task.cancel()
            }
        }
        let reader = StreamReader(messages.makeAsyncIterator(), credit: credit)
        return AsyncThrowingStream { try await reader.next() }
    }

    /// How many messages a server-streaming handler may send ahead of its reader.
    static let streamWindow = 16

    private func incoming(_ method: RPCMethod, _ request: [UInt8], _ options: RPCCallOptions) -> RPCIncomingCall {
        RPCIncomingCall(
            path: method.path,
            metadata: options.metadata,
            timeout: options.timeout,
            request: request,
            peer: "in-process",
            httpPeer: options.httpPeer
        )
    }
}

/// Takes the messages of one in-process stream for its single reader and gives their credit
/// back as it goes.
private final class StreamReader: @unchecked Sendable {
    // `AsyncThrowingStream(unfolding:)` calls `next()` once at a time, from the one task that
    // iterates, so the iterator is never used concurrently: that makes the conformance safe.
    private var iterator: AsyncThrowingStream<[UInt8], any Error>.Iterator
    private let credit: StreamCredit

    init(_ iterator: AsyncThrowingStream<[UInt8], any Error>.Iterator, credit: StreamCredit) {
        self.iterator = iterator
        self.credit = credit
    }

    func next() async throws -> [UInt8]? {
        let message = try await iterator.next()
        if message != nil {
            credit.release()
        }
        return message
    }

    deinit {
        credit.close()
    }
}
