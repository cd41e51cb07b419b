/// Sends the responses of a server-streaming call, in order.
public struct RPCResponseWriter: Sendable {
    private let sendMessage: @Sendable ([UInt8]) async throws -> Void

    /// Creates a writer that passes each encoded message to `send`.
    public init(_ send: @escaping @Sendable ([UInt8]) async throws -> Void) {
        self.sendMessage = send
    }

    /// Sends one encoded response message.
    ///
    /// Suspends while the transport's buffer for this call is full, so a slow client
    /// slows its own call and nothing else.
    ///
    /// - Throws: `CancellationError` or ``RPCError`` when the call is over.
    public func write(_ message: [UInt8]) async throws {
        try await sendMessage(message)
    }
}

/// The code behind one method, working on encoded messages.
public enum RPCHandler: Sendable {
    /// One request, one response.
    case unary(@Sendable (_ request: [UInt8], _ context: RPCServerContext) async throws -> [UInt8])
    /// One request, any number of responses written through the writer.
    case serverStreaming(
        @Sendable (_ request: [UInt8], _ context: RPCServerContext, _ writer: RPCResponseWriter) async throws -> Void
    )
}

/// An error that knows which ``RPCError`` it becomes when it ends a call.
///
/// Errors that neither are an ``RPCError`` nor conform to this end the call with
/// ``RPCStatusCode/internalError`` and a message that reveals nothing about the server.
public protocol RPCErrorConvertible: Error {
    /// The error as the caller should see it.
    func makeRPCError() -> RPCError
}
