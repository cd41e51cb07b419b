internal import Dispatch
internal import RPCCore
internal import SecureTransport
internal import ServiceSupport
internal import Synchronization

/// The server's end of one TCP connection: reads calls, runs each on the dispatcher in its
/// own task, and writes the responses and trailers back.
///
/// Everything but ``init`` and the `begin…` methods runs on ``queue``. The connection keeps
/// itself alive through its socket until the socket closes, then reports to `onClose`.
final class ServerConnection: FramedSocketDelegate, @unchecked Sendable {
    // @unchecked Sendable: handler tasks and the server hold references, but every mutable
    // field is touched only on `queue`; methods that need it check with dispatchPrecondition.

    enum Phase {
        /// Waiting for the client's preface; moves to `open` or `closing`.
        case awaitingPreface
        /// Taking calls; moves to `draining` or `closing`.
        case open
        /// A GOAWAY went out (or came in): calls in flight finish, new ones are refused.
        /// Moves to `closing` when the last call ends.
        case draining
        /// The socket is flushing or closed; frames are ignored. Final.
        case closing
    }

    /// Who is connected, such as `127.0.0.1:53422`.
    let peer: String
    /// The peer's IP address without the port, for the per-address connection limit.
    let remoteHost: String
    let queue: DispatchQueue
    /// Runs handler results on `queue`, counted so their frames share writes.
    let work: PendingWork
    let socket: FramedSocket
    let dispatcher: RPCDispatcher
    let logger: Logger
    let configuration: RPCServer.Configuration
    private let onClose: @Sendable (ServerConnection) -> Void
    private let timer: any DispatchSourceTimer
    /// Why no TLS session could be made for this connection, which is then closed at once.
    private let tlsSetupFailure: TLSError?
    /// Bytes of streamed responses handed to `queue` but not yet in the socket's buffer;
    /// counted with the socket's backlog so a fast handler cannot outrun the limit.
    let pendingWriteBytes = Atomic<Int>(0)

    var phase = Phase.awaitingPreface
    var calls: [UInt32: ServerCall] = [:]
    var highestStreamID: UInt32 = 0
    var peerMaxFrameSize = Int(SettingsPayload.defaultMaxFrameSize)
    var bufferedRequestBytes = 0
    var lastActivity = ContinuousClock.now
    var writeWaiters: [WriteWaiter] = []

    init(
        fd: Int32,
        peer: SocketAddress,
        dispatcher: RPCDispatcher,
        logger: Logger,
        configuration: RPCServer.Configuration,
        onClose: @escaping @Sendable (ServerConnection) -> Void
    ) {
        self.peer = peer.description
        self.remoteHost = peer.host
        let queue = DispatchQueue(label: "twilio-gateway.rpc.connection", target: .global())
        self.queue = queue
        self.work = PendingWork(queue: queue)
        var session: TLSSession?
        var tlsSetupFailure: TLSError?
        if let context = configuration.tls {
            do {
                session = try TLSSession(server: context)
            } catch {
                tlsSetupFailure = error
            }
        }
        self.tlsSetupFailure = tlsSetupFailure
        self.socket = FramedSocket(
            fd: fd,
            work: work,
            limits: FramedSocket.Limits(
                maxPayloadLength: configuration.maxFrameSize,
                highWatermark: configuration.outboundHighWatermark,
                lowWatermark: configuration.outboundLowWatermark,
                pausesReadingWhileBacklogged: true
            ),
            expectsPreface: true,
            tls: session
        )
        self.dispatcher = dispatcher
        self.logger = logger.with("rpc.peer", peer.description)
        self.configuration = configuration
        self.onClose = onClose
        self.timer = DispatchSource.makeTimerSource(queue: queue)
    }

    /// Starts reading and the handshake timer.
    func begin() {
        queue.async { [self] in
            logger.debug("rpc.connection.accepted")
            timer.setEventHandler { [weak self] in self?.timerFired() }
            timer.schedule(deadline: .after(configuration.handshakeTimeout))
            timer.resume()
            socket.start(delegate: self)
            if let tlsSetupFailure {
                logger.warning("rpc.tls.session_failed", ["error": tlsSetupFailure.message])
                phase = .closing
                socket.close()
            }
        }
    }

    /// Switches the timer from the handshake timeout to the idle timeout.
    func handshakeCompleted() {
        dispatchPrecondition(condition: .onQueue(queue))
        phase = .open
        timer.schedule(deadline: .after(configuration.idleTimeout))
    }

    /// Refuses the connection before reading anything: sends a preface and a GOAWAY with
    /// `code` and `message`, then closes.
    ///
    /// - Parameter limit: The name of the limit the connection broke, for the log line.
    func beginRefusing(_ code: RPCStatusCode, _ message: String, limit: String? = nil) {
        queue.async { [self] in
            timer.resume()
            socket.start(delegate: self)
            var fields = ["rpc.code": code.description, "rpc.reason": message]
            fields["rpc.limit"] = limit
            logger.notice("rpc.connection.refused", fields)
            phase = .closing
            socket.enqueue { encoder in
                encoder.appendPreface()
                encoder.appendGoAway(GoAwayPayload(lastStreamID: 0, code: code, message: message))
            }
            socket.closeAfterFlush()
        }
    }

    /// Starts a graceful shutdown: GOAWAY `OK` with the highest stream accepted, calls in
    /// flight go on, new ones are refused, and the connection closes when the last call ends.
    func beginDraining() {
        queue.async { [self] in
            switch phase {
            case .awaitingPreface:
                phase = .closing
                socket.close()
            case .open:
                socket.enqueue {
                    $0.appendGoAway(
                        GoAwayPayload(lastStreamID: highestStreamID, code: .ok, message: "server shutting down")
                    )
                }
                phase = .draining
                closeIfDrained()
            case .draining, .closing:
                return
            }
        }
    }

    /// Ends the grace period: every call still running is cancelled and ends with
    /// `UNAVAILABLE`, then the connection closes.
    func beginAbandoningCalls() {
        queue.async { [self] in
            guard phase != .closing else {
                return
            }
            for call in calls.values.sorted(by: { $0.streamID < $1.streamID }) {
                end(call, RPCStatus(code: .unavailable, message: "the server shut down before the call finished"))
            }
            phase = .closing
            socket.closeAfterFlush()
        }
    }

    /// Ends the connection for a broken rule: logs it, sends GOAWAY with `code` and
    /// `reason`, cancels every call without answering it, and closes after the flush.
    ///
    /// - Parameter limit: The name of the limit the peer broke, if a limit was the rule.
    func connectionError(_ code: RPCStatusCode, _ reason: String, limit: String? = nil) {
        dispatchPrecondition(condition: .onQueue(queue))
        var fields = ["rpc.code": code.description, "rpc.reason": reason]
        fields["rpc.limit"] = limit
        logger.notice("rpc.connection.protocol_error", fields)
        socket.enqueue { $0.appendGoAway(GoAwayPayload(lastStreamID: highestStreamID, code: code, message: reason)) }
        phase = .closing
        cancelAllCalls()
        socket.closeAfterFlush()
    }

    /// Closes after the flush if the connection is draining and no call is left.
    func closeIfDrained() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard calls.isEmpty else {
            return
        }
        lastActivity = .now
        if phase == .draining {
            phase = .closing
            socket.closeAfterFlush()
        }
    }

    private func timerFired() {
        dispatchPrecondition(condition: .onQueue(queue))
        switch phase {
        case .awaitingPreface:
            logger.notice(
                "rpc.connection.handshake_timeout",
                [
                    "rpc.limit": "handshake_timeout", "rpc.limit.ms": configuration.handshakeTimeout.millisecondsText,
                    "rpc.tls": configuration.tls == nil ? "off" : "on",
                ]
            )
            phase = .closing
            socket.close()
        case .open:
            let quiet = ContinuousClock.now - lastActivity
            if calls.isEmpty && quiet >= configuration.idleTimeout {
                logger.info(
                    "rpc.connection.idle",
                    ["rpc.limit": "idle_timeout", "rpc.limit.ms": configuration.idleTimeout.millisecondsText]
                )
                socket.enqueue {
                    $0.appendGoAway(GoAwayPayload(lastStreamID: highestStreamID, code: .ok, message: "idle"))
                }
                phase = .closing
                socket.closeAfterFlush()
            } else {
                let wait = calls.isEmpty ? configuration.idleTimeout - quiet : configuration.idleTimeout
                timer.schedule(deadline: .after(wait))
            }
        case .draining, .closing:
            return
        }
    }

    // MARK: - FramedSocketDelegate

    func framedSocket(_ socket: FramedSocket, didReceive event: FrameDecoder.Event) {
        receive(event)
    }

    func framedSocket(_ socket: FramedSocket, didFailDecoding error: FramingError) {
        connectionError(.invalidArgument, error.message)
    }

    func framedSocket(_ socket: FramedSocket, didReachEndOfInput truncation: FramingError?) {
        if let truncation {
            logger.notice("rpc.connection.protocol_error", ["rpc.reason": truncation.message])
        }
        phase = .closing
        cancelAllCalls()
        socket.close()
    }

    func framedSocket(_ socket: FramedSocket, didFailTLS error: TLSError) {
        logger.notice("rpc.tls.handshake_failed", ["rpc.reason": error.message])
        phase = .closing
        cancelAllCalls()
    }

    func framedSocketDidDrain(_ socket: FramedSocket) {
        resumeWriters()
    }

    func framedSocket(_ socket: FramedSocket, didCloseWith error: SystemCallError?) {
        var fields = ["rpc.calls.cancelled": String(calls.count)]
        if let error {
            fields["error"] = error.description
        }
        logger.debug("rpc.connection.closed", fields)
        phase = .closing
        cancelAllCalls()
        timer.cancel()
        onClose(self)
    }
}
