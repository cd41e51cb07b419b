public import RPCCore
internal import Synchronization

/// Spreads calls over several transports in turn, such as TCP connections to several RPC
/// servers behind one gateway.
///
/// Each call goes to the next transport; a failed call is not retried on another, because
/// the server may have acted on it (a message sent, a call placed) before it failed. The
/// caller sees the failure and its `retryable` flag, and decides.
public final class RoundRobinTransport: RPCClientTransport {
    private let transports: [any RPCClientTransport]
    private let next = Atomic<Int>(0)

    /// Creates a transport over `transports`.
    ///
    /// - Parameter transports: At least one transport; calls go to them in this order, round and round.
    public init(_ transports: [any RPCClientTransport]) {
        precondition(!transports.isEmpty, "RoundRobinTransport needs at least one transport")
        self.transports = transports
    }

    public func unary(_ method: RPCMethod, request: [UInt8], options: RPCCallOptions) async throws -> [UInt8] {
        try await pick().unary(method, request: request, options: options)
    }

    public func serverStreaming(
        _ method: RPCMethod,
        request: [UInt8],
        options: RPCCallOptions
    ) -> AsyncThrowingStream<[UInt8], any Error> {
        pick().serverStreaming(method, request: request, options: options)
    }

    private func pick() -> any RPCClientTransport {
        let turn = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return transports[Int(UInt(bitPattern: turn) % UInt(transports.count))]
    }
}
