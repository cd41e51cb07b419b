/// Carries calls from a client to a server: over TCP, or to a dispatcher in the same process.
///
/// Requests and responses are encoded Protobuf messages; the transport does not look
/// inside them. Every failure is thrown as an ``RPCError``: a server's status as it was
/// sent, a connection that cannot be made or was lost as ``RPCStatusCode/unavailable``,
/// a deadline that passed as ``RPCStatusCode/deadlineExceeded``, and a cancelled task as
/// ``RPCStatusCode/cancelled`` (the server is told to stop).
public protocol RPCClientTransport: Sendable {
    /// Makes a call with one request and one response.
    ///
    /// - Parameters:
    ///   - method: The method to call.
    ///   - request: The encoded request message.
    ///   - options: Deadline and metadata.
    /// - Returns: The encoded response message.
    /// - Throws: ``RPCError``.
    func unary(_ method: RPCMethod, request: [UInt8], options: RPCCallOptions) async throws -> [UInt8]

    /// Makes a call with one request and a stream of responses.
    ///
    /// The stream ends when the server finishes with ``RPCStatusCode/ok`` and throws an
    /// ``RPCError`` otherwise. Ending the iteration early cancels the call.
    ///
    /// - Parameters:
    ///   - method: The method to call.
    ///   - request: The encoded request message.
    ///   - options: Deadline and metadata.
    /// - Returns: The encoded response messages, in order.
    func serverStreaming(
        _ method: RPCMethod,
        request: [UInt8],
        options: RPCCallOptions
    ) -> AsyncThrowingStream<[UInt8], any Error>
}
