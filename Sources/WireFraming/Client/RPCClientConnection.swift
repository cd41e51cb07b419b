public import RPCCore
public import ServiceSupport
internal import Synchronization

/// Makes calls to one server over TCP with the TWGW framing protocol (`docs/protocol.md`).
///
/// The connection is made on the first call and made again on a later call after it was
/// lost or the server said GOAWAY; calls in flight when a connection drops fail with
/// `UNAVAILABLE`. Any number of concurrent calls share one connection, told apart by
/// stream ID. Each call's timeout is enforced here as well as by the server: when it
/// passes, the server gets a CANCEL and the call throws `DEADLINE_EXCEEDED`. Cancelling the
/// calling task sends a CANCEL and throws `CANCELLED`.
public final class RPCClientConnection: RPCClientTransport, Sendable {
    private struct State {
        var channel: ClientChannel?
        var isClosed = false
    }

    /// The server's host, as given.
    public let host: String
    /// The server's port.
    public let port: Int
    private let configuration: Configuration
    private let logger: Logger
    private let state = Mutex(State())

    /// Creates a client; nothing connects until the first call.
    ///
    /// - Parameters:
    ///   - host: A numeric address such as `127.0.0.1` or `::1`, or `localhost` (tried as
    ///     `127.0.0.1`, then `::1`); names are not looked up, so a bad host fails the first
    ///     call with `UNAVAILABLE`.
    ///   - port: The server's port.
    ///   - configuration: Limits and timeouts.
    ///   - logger: Receives connection events at debug level and protocol errors at notice.
    public init(host: String, port: Int, configuration: Configuration = Configuration(), logger: Logger = .disabled) {
        self.host = host
        self.port = port
        self.configuration = configuration
        self.logger = logger
    }

    deinit {
        state.withLock { $0.channel }?.close()
    }

    /// Makes a unary call on the shared connection, connecting first if needed.
    ///
    /// A call refused before it was sent, because the connection was going away, is made
    /// again on a fresh connection (at most three tries).
    ///
    /// - Throws: ``RPCError``: the server's status, `UNAVAILABLE` for a connection that cannot
    ///   be made or was lost, `DEADLINE_EXCEEDED` when `options.timeout` passes (the server
    ///   gets a CANCEL), `CANCELLED` when the task is cancelled (likewise), and
    ///   `RESOURCE_EXHAUSTED` for a request over the server's frame size limit.
    public func unary(_ method: RPCMethod, request: [UInt8], options: RPCCallOptions) async throws -> [UInt8] {
        let deadline = try Self.deadline(options.timeout)
        for _ in 0..<3 {
            try Self.checkCancellation()
            let channel = try currentChannel()
            let call = ClientCall(
                path: method.path,
                request: request,
                metadata: options.metadata,
                deadline: deadline,
                isStreaming: false
            )
            do {
                return try await channel.unary(call)
            } catch is ChannelRetired {
                retire(channel)
            }
        }
        throw RPCError(code: .unavailable, message: "no connection to \(host):\(port) would take the call")
    }

    /// Makes a server-streaming call; it starts when the stream is first iterated.
    ///
    /// Messages the consumer has not taken yet are buffered, up to
    /// ``Configuration/maxBufferedResponseBytes`` for the whole connection; past that the
    /// client stops reading from the socket until consumers catch up. Dropping the stream
    /// before it ends (leaving a `for try await` loop early) sends a CANCEL.
    public func serverStreaming(
        _ method: RPCMethod,
        request: [UInt8],
        options: RPCCallOptions
    ) -> AsyncThrowingStream<[UInt8], any Error> {
        let stream = ClientStream(connection: self, path: method.path, request: request, options: options)
        return AsyncThrowingStream(unfolding: { try await stream.next() })
    }

    /// Sends a PING and waits for the server's ACK, connecting first if needed.
    ///
    /// - Parameter timeout: How long to wait for the ACK.
    /// - Returns: The round-trip time.
    /// - Throws: ``RPCError``: `UNAVAILABLE` when the server cannot be reached,
    ///   `DEADLINE_EXCEEDED` when no ACK came in time, `CANCELLED` when the task was cancelled.
    public func ping(timeout: Duration = .seconds(10)) async throws -> Duration {
        for _ in 0..<3 {
            try Self.checkCancellation()
            let channel = try currentChannel()
            do {
                return try await channel.ping(timeout: timeout)
            } catch is ChannelRetired {
                retire(channel)
            }
        }
        throw RPCError(code: .unavailable, message: "no connection to \(host):\(port) would take the ping")
    }

    /// Closes the connection and returns at once: calls in flight fail with `CANCELLED`,
    /// later calls with `UNAVAILABLE`.
    public func close() {
        let channel = state.withLock { state in
            state.isClosed = true
            defer { state.channel = nil }
            return state.channel
        }
        channel?.close()
    }

    /// The channel for the next call, opened if there is none.
    func currentChannel() throws(RPCError) -> ClientChannel {
        let (channel, isNew) = try state.withLock { (state) throws(RPCError) -> (ClientChannel, Bool) in
            guard !state.isClosed else {
                throw RPCError(code: .unavailable, message: "the client connection to \(host):\(port) was closed")
            }
            if let channel = state.channel {
                return (channel, false)
            }
            let channel = ClientChannel(
                host: host,
                port: port,
                configuration: configuration,
                logger: logger,
                onRetire: { [weak self] channel in self?.retire(channel) }
            )
            state.channel = channel
            return (channel, true)
        }
        if isNew {
            channel.connect()
        }
        return channel
    }

    /// Forgets `channel` so the next call opens a fresh connection.
    func retire(_ channel: ClientChannel) {
        state.withLock { state in
            if state.channel === channel {
                state.channel = nil
            }
        }
    }

    /// The instant a call with `timeout` must end by.
    ///
    /// - Throws: `DEADLINE_EXCEEDED` for a timeout that is zero or negative.
    static func deadline(_ timeout: Duration?) throws(RPCError) -> ContinuousClock.Instant? {
        guard let timeout else {
            return nil
        }
        guard timeout > .zero else {
            throw RPCError(code: .deadlineExceeded, message: "the call's timeout of \(timeout) left no time to run")
        }
        return .now + timeout
    }

    static func checkCancellation() throws(RPCError) {
        if Task.isCancelled {
            throw RPCError(code: .cancelled, message: "the call was cancelled")
        }
    }
}
