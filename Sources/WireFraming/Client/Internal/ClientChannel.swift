internal import Dispatch
internal import RPCCore
internal import SecureTransport
internal import ServiceSupport
internal import Synchronization

/// The client's end of one TCP connection: connects, shakes hands, multiplexes calls by
/// stream ID, and fails them all when the connection ends.
///
/// All state lives on ``queue``. An ``RPCClientConnection`` uses one channel until it is
/// retired (GOAWAY, a lost connection, or stream IDs running out) and then opens another.
final class ClientChannel: FramedSocketDelegate, @unchecked Sendable {
    // @unchecked Sendable: callers' tasks hold references, but every mutable field is
    // touched only on `queue`; methods that need it check with dispatchPrecondition.

    enum Phase {
        /// Resolving and connecting; calls wait. Moves to `handshaking` or `closed`.
        case connecting
        /// Preface and SETTINGS sent; waiting for the server's. Moves to `ready`,
        /// `draining` or `closed`.
        case handshaking
        /// Taking calls. Moves to `draining` or `closed`.
        case ready
        /// Takes no new calls; those in flight go on. Moves to `closed`.
        case draining
        /// The connection is gone. Final.
        case closed
    }

    /// The server as the caller named it, such as `127.0.0.1:8443`.
    let address: String
    let queue: DispatchQueue
    /// Runs callers' requests on `queue`, counted so their frames share writes.
    let work: PendingWork
    let configuration: RPCClientConnection.Configuration
    let logger: Logger
    private let host: String
    private let port: Int
    private let onRetire: @Sendable (ClientChannel) -> Void

    var phase = Phase.connecting
    var socket: FramedSocket?
    private var connector: SocketConnector?
    private var handshakeTimer: DispatchWorkItem?
    private var retired = false

    var waiting: [ClientCall] = []
    var calls: [UInt32: ClientCall] = [:]
    var nextStreamID: UInt32 = 1
    var serverMaxFrameSize = Int(SettingsPayload.defaultMaxFrameSize)
    var bufferedResponseBytes = 0
    var readingPaused = false
    var pings: [UInt64: PingWaiter] = [:]
    let nextPingData = Atomic<UInt64>(1)
    /// Why the channel ended before it was ever ready, for calls that arrive afterwards.
    var setupFailure: RPCError?
    /// Whether the server's preface has arrived.
    var receivedServerPreface = false
    private var wasReady = false
    var deadlines = DeadlineHeap<ClientCall>()
    var timerDeadline: ContinuousClock.Instant?
    let deadlineTimer: any DispatchSourceTimer

    init(
        host: String,
        port: Int,
        configuration: RPCClientConnection.Configuration,
        logger: Logger,
        onRetire: @escaping @Sendable (ClientChannel) -> Void
    ) {
        let queue = DispatchQueue(label: "twilio-gateway.rpc.client", target: .global())
        self.queue = queue
        self.work = PendingWork(queue: queue)
        self.host = host
        self.port = port
        self.address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        self.configuration = configuration
        self.logger = logger.with("rpc.server", address)
        self.onRetire = onRetire
        self.deadlineTimer = DispatchSource.makeTimerSource(queue: queue)
        deadlineTimer.setEventHandler { [weak self] in self?.expireDeadlines() }
        deadlineTimer.resume()
    }

    deinit {
        deadlineTimer.cancel()
    }

    /// Starts connecting; calls made meanwhile wait for the handshake.
    func connect() {
        queue.async { [self] in
            let timer = DispatchWorkItem { [weak self] in self?.handshakeTimedOut() }
            handshakeTimer = timer
            queue.asyncAfter(deadline: .after(configuration.connectTimeout), execute: timer)

            let addresses: [SocketAddress]
            do throws(TransportError) {
                addresses = try SocketAddress.resolve(host: host, port: port, passive: false)
            } catch {
                return fail(RPCError(code: .unavailable, message: "cannot connect to \(address): \(error.message)"))
            }
            let connector = SocketConnector(addresses: addresses, queue: queue) { [self] result in
                connected(result)
            }
            self.connector = connector
            connector.start()
        }
    }

    /// Closes the connection; calls in flight fail with `CANCELLED`.
    func close() {
        queue.async { [self] in
            guard phase != .closed else {
                return
            }
            let error = RPCError(code: .cancelled, message: "the client closed its connection to \(address)")
            if let socket, phase == .ready || phase == .draining {
                socket.enqueue { $0.appendGoAway(GoAwayPayload(lastStreamID: 0, code: .ok, message: "client closing")) }
                failAll(error)
                phase = .closed
                retire()
                socket.closeAfterFlush()
            } else {
                fail(error)
            }
        }
    }

    private func connected(_ result: Result<Int32, SystemCallError>) {
        dispatchPrecondition(condition: .onQueue(queue))
        connector = nil
        guard phase == .connecting else {
            if case .success(let fd) = result {
                Socket.close(fd)
            }
            return
        }
        switch result {
        case .failure(let error):
            let reason = SystemCallError.text(error.errorNumber)
            fail(RPCError(code: .unavailable, message: "cannot connect to \(address): \(reason)"))
        case .success(let fd):
            var session: TLSSession?
            if let context = configuration.tls {
                do {
                    session = try TLSSession(client: context, host: host)
                } catch {
                    Socket.close(fd)
                    return fail(RPCError(code: .unavailable, message: "cannot connect to \(address): \(error.message)"))
                }
            }
            let socket = FramedSocket(
                fd: fd,
                work: work,
                limits: FramedSocket.Limits(
                    maxPayloadLength: configuration.maxFrameSize,
                    highWatermark: Int.max,
                    lowWatermark: Int.max,
                    pausesReadingWhileBacklogged: false
                ),
                expectsPreface: true,
                tls: session
            )
            self.socket = socket
            phase = .handshaking
            socket.start(delegate: self)
            socket.enqueue { encoder in
                encoder.appendPreface()
                encoder.appendSettings(SettingsPayload(maxFrameSize: UInt32(clamping: configuration.maxFrameSize)))
            }
            logger.debug("rpc.client.connected")
        }
    }

    private func handshakeTimedOut() {
        let seconds = configuration.connectTimeout.components.seconds
        fail(
            RPCError(code: .unavailable, message: "cannot connect to \(address): no TWGW handshake within \(seconds) s")
        )
    }

    /// Finishes the handshake: sends the calls and pings that waited for it.
    func becomeReady() {
        dispatchPrecondition(condition: .onQueue(queue))
        handshakeTimer?.cancel()
        handshakeTimer = nil
        phase = .ready
        wasReady = true
        let calls = waiting
        waiting = []
        for call in calls {
            send(call)
        }
        for data in pings.keys.sorted() {
            sendPing(data)
        }
    }

    /// Stops taking new calls; the owner will open a fresh channel for the next one.
    func retire() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard !retired else {
            return
        }
        retired = true
        onRetire(self)
    }

    /// Ends the channel: every call and ping fails with `error`, and the socket closes.
    func fail(_ error: RPCError) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard phase != .closed else {
            return
        }
        logger.debug("rpc.client.connection_ended", ["rpc.reason": error.message])
        phase = .closed
        if !wasReady {
            setupFailure = error
        }
        handshakeTimer?.cancel()
        deadlineTimer.cancel()
        connector?.cancel()
        connector = nil
        failAll(error)
        retire()
        socket?.close()
    }

    /// Answers a broken rule of the server's with GOAWAY and closes; calls fail with
    /// `UNAVAILABLE`.
    func connectionError(_ code: RPCStatusCode, _ reason: String) {
        dispatchPrecondition(condition: .onQueue(queue))
        logger.notice("rpc.client.protocol_error", ["rpc.code": code.description, "rpc.reason": reason])
        socket?.enqueue { $0.appendGoAway(GoAwayPayload(lastStreamID: 0, code: code, message: reason)) }
        let error = RPCError(
            code: .unavailable,
            message: "connection to \(address) lost: the server broke the protocol: \(reason)"
        )
        failAll(error)
        phase = .closed
        handshakeTimer?.cancel()
        retire()
        socket?.closeAfterFlush()
    }

    // MARK: - FramedSocketDelegate

    func framedSocket(_ socket: FramedSocket, didReceive event: FrameDecoder.Event) {
        receive(event)
    }

    func framedSocket(_ socket: FramedSocket, didFailDecoding error: FramingError) {
        if let lost = answeredWithTLS(socket.leadingBytes) {
            return fail(lost)
        }
        connectionError(.invalidArgument, error.message)
    }

    func framedSocket(_ socket: FramedSocket, didReachEndOfInput truncation: FramingError?) {
        fail(connectionLost())
    }

    func framedSocket(_ socket: FramedSocket, didFailTLS error: TLSError) {
        logger.notice("rpc.client.tls_failed", ["rpc.reason": error.message])
        fail(tlsFailure(error, leadingBytes: socket.leadingBytes))
    }

    func framedSocketDidDrain(_ socket: FramedSocket) {}

    func framedSocket(_ socket: FramedSocket, didCloseWith error: SystemCallError?) {
        fail(connectionLost())
        self.socket = nil
    }
}

/// A ping waiting for its ACK.
struct PingWaiter {
    /// When the PING went out; `nil` while it waits for the handshake.
    var sentAt: ContinuousClock.Instant?
    let continuation: CheckedContinuation<Duration, any Error>
}
