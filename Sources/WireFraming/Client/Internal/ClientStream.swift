internal import Dispatch
internal import RPCCore
internal import Synchronization

/// The consumer's side of one server-streaming call: starts the call on the first `next()`
/// and cancels it when the stream is dropped before the server ended it.
///
/// `AsyncThrowingStream(unfolding:)` holds the only reference, so the stream's iterator
/// going away (a `for try await` loop that breaks early) releases this object and its
/// `deinit` sends the CANCEL.
final class ClientStream: Sendable {
    private struct State {
        var channel: ClientChannel?
        var call: ClientCall?
    }

    private let connection: RPCClientConnection
    private let path: String
    private let request: [UInt8]
    private let options: RPCCallOptions
    private let deadline: Result<ContinuousClock.Instant?, RPCError>
    private let state = Mutex(State())

    init(connection: RPCClientConnection, path: String, request: [UInt8], options: RPCCallOptions) {
        self.connection = connection
        self.path = path
        self.request = request
        self.options = options
        self.deadline = Result { () throws(RPCError) in try RPCClientConnection.deadline(options.timeout) }
    }

    deinit {
        let (channel, call) = state.withLock { ($0.channel, $0.call) }
        guard let channel, let call else {
            return
        }
        channel.queue.async {
            channel.cancel(call, RPCError(code: .cancelled, message: "the stream's consumer stopped iterating"))
        }
    }

    /// The next response, or `nil` after the server ended the call with `OK`.
    func next() async throws -> [UInt8]? {
        let deadline = try self.deadline.get()
        for _ in 0..<3 {
            try RPCClientConnection.checkCancellation()
            let (channel, call) = try open(deadline)
            do {
                return try await channel.next(call)
            } catch is ChannelRetired {
                connection.retire(channel)
                state.withLock { $0 = State() }
            }
        }
        throw RPCError(
            code: .unavailable,
            message: "no connection to \(connection.host):\(connection.port) would take the call"
        )
    }

    private func open(_ deadline: ContinuousClock.Instant?) throws(RPCError) -> (ClientChannel, ClientCall) {
        if let existing = state.withLock({ state in
            state.channel.flatMap { channel in state.call.map { (channel, $0) } }
        }) {
            return existing
        }
        let channel = try connection.currentChannel()
        let call = ClientCall(
            path: path,
            request: request,
            metadata: options.metadata,
            deadline: deadline,
            isStreaming: true
        )
        state.withLock { $0 = State(channel: channel, call: call) }
        return (channel, call)
    }
}
