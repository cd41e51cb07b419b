internal import CMicroHTTPD
internal import Glibc
public import ServiceSupport
internal import Synchronization

/// An HTTP/1.1 server on libmicrohttpd that hands each complete request to an async handler.
///
/// libmicrohttpd owns the sockets and the HTTP parsing on its own threads. When a request's
/// body is complete, its connection is suspended and the handler runs on a Swift task; when
/// the handler returns, the connection is resumed and the response is sent. A slow handler
/// therefore never holds up a libmicrohttpd thread. A response with a
/// ``HTTPResponse/streamingBody`` is sent as its producer writes it (see ``HTTPStreamingBody``).
///
/// Lifecycle: created → ``start()`` → running → ``stop()`` → stopped. A stopped server cannot
/// be started again; create a new one. Every method may be called from any thread.
///
/// Each finished request is logged at debug level as `http.request.finished` with
/// `http.method`, `http.path`, `http.status`, `http.duration_ms` and `http.outcome`.
public final class HTTPServer: Sendable {
    private enum Lifecycle: Sendable {
        case created
        case running(Running)
        case stopped
    }

    private struct Running: Sendable {
        let daemon: DaemonHandle
        let core: ServerCore
        let port: Int
        /// With TLS: the acceptor in front of the daemon and the daemon as it sees it.
        let front: (TLSFront, DaemonSlot)?
    }

    /// The configuration the server was created with.
    public let configuration: Configuration
    private let logger: Logger
    private let handler: HTTPHandler
    private let lifecycle = Mutex(Lifecycle.created)

    /// Creates a server; it does not listen until ``start()``.
    ///
    /// - Parameters:
    ///   - configuration: Address, port and limits.
    ///   - logger: Receives one debug line per request and the server's lifecycle events.
    ///   - handler: Answers every request; an ``HTTPRouter``'s ``HTTPRouter/handler`` fits.
    /// - Throws: ``HTTPServerError`` with code `invalidConfiguration` when a value is out of range.
    public init(
        configuration: Configuration = Configuration(),
        logger: Logger = .disabled,
        handler: @escaping HTTPHandler
    ) throws(HTTPServerError) {
        try configuration.validate()
        _ = try SocketAddress(host: configuration.host, port: configuration.port)
        self.configuration = configuration
        self.logger = logger
        self.handler = handler
    }

    deinit {
        stop()
    }

    /// The port the server listens on while running, or `nil` before ``start()`` and after ``stop()``.
    public var boundPort: Int? {
        lifecycle.withLock { state in
            guard case .running(let running) = state else {
                return nil
            }
            return running.port
        }
    }

    /// Binds the address and starts serving.
    ///
    /// - Throws: ``HTTPServerError`` with code `startFailed` when the address cannot be bound
    ///   (`cannot listen on 127.0.0.1:8080: Address already in use`, with the `errno`) or
    ///   libmicrohttpd cannot start, or `invalidState` when the server was started before.
    public func start() throws(HTTPServerError) {
        try lifecycle.withLock { (state: inout Lifecycle) throws(HTTPServerError) in
            guard case .created = state else {
                throw HTTPServerError(
                    code: .invalidState,
                    message: "HTTPServer.start() was called on a server that was already started; create a new server"
                )
            }
            state = .running(try launch())
        }
        logger.debug(
            "http.server.started",
            ["http.host": configuration.host, "http.port": boundPort.map(String.init) ?? ""]
        )
    }

    /// Stops serving: refuses new connections, waits up to the configured grace period for
    /// requests in progress, answers those still in their handler with 503 (allowing up to one
    /// more second for those answers to go out), then closes every connection. Blocks the
    /// calling thread until libmicrohttpd has stopped.
    ///
    /// Streaming responses end at once: each body ends after what its producer wrote, and the
    /// producer's task is cancelled.
    ///
    /// Calling it again, or on a server never started, does nothing. A handler still running
    /// when the grace period ends keeps running to its end; its response is dropped.
    public func stop() {
        let running = lifecycle.withLock { state -> Running? in
            defer { state = .stopped }
            guard case .running(let running) = state else {
                return nil
            }
            return running
        }
        guard let running else {
            return
        }

        // New connections are refused by the accept policy from here on, rather than through
        // MHD_quiesce_daemon: on an epoll daemon with its own thread, libmicrohttpd 0.9.75's
        // quiesce races its event loop for the listen socket's removal from the epoll set, and
        // the loser aborts the process ("Failed to remove listen FD from epoll set").
        running.core.beginStopping()
        running.front?.0.stopAccepting()
        running.core.streams.endAll()
        wait(until: ContinuousClock.now + configuration.shutdownGracePeriod) { running.core.activeRequestCount == 0 }

        let abandoned = running.core.abandonSuspended()
        wait(until: ContinuousClock.now + Self.abandonedAnswerTimeout) {
            abandoned.allSatisfy(\.isFinished) && running.core.streams.count == 0
        }
        running.front?.1.empty()
        MHD_stop_daemon(running.daemon.pointer)
        running.front?.0.abortAll()
        running.core.watchdog?.stop()
        running.core.streams.close()
        Unmanaged.passUnretained(running.core).release()
        logger.debug("http.server.stopped", ["http.port": String(running.port)])
    }

    /// The number of requests between their request line and their completion, while running.
    var activeRequestCount: Int {
        lifecycle.withLock { state in
            guard case .running(let running) = state else {
                return 0
            }
            return running.core.activeRequestCount
        }
    }

    /// The TCP connections open now, idle keep-alive ones included; 0 unless running.
    public var openConnectionCount: Int {
        lifecycle.withLock { state in
            guard case .running(let running) = state else {
                return 0
            }
            return running.core.openConnectionCount
        }
    }

    private func launch() throws(HTTPServerError) -> Running {
        let address = try SocketAddress(host: configuration.host, port: configuration.port)
        let display =
            configuration.host.contains(":")
            ? "[\(configuration.host)]:\(configuration.port)" : "\(configuration.host):\(configuration.port)"
        let listening = try ListenSocket.open(address, display: display)
        let headerTimeout = configuration.headerTimeoutSeconds
        let core = ServerCore(
            handler: handler,
            logger: logger,
            maxBodyBytes: configuration.maxBodyBytes,
            connectionTimeoutAfterHead: headerTimeout.map { _ in configuration.connectionTimeoutSeconds },
            receiveTimeout: configuration.requestReceiveTimeout,
            perIPConnectionLimit: configuration.perIPConnectionLimit
        )
        // Released in stop() after MHD_stop_daemon, or below when the start fails.
        let context = Unmanaged.passRetained(core).toOpaque()

        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue
        flags |= MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_USE_ERROR_LOG.rawValue
        if address.isIPv6 {
            flags |= MHD_USE_IPv6.rawValue
        }
        if configuration.tls != nil {
            flags |= MHD_USE_NO_LISTEN_SOCKET.rawValue
        }
        let daemon = CMicroHTTPD_start_daemon(
            flags,
            configuration.tls == nil ? listening.fd : -1,
            MHDCallbacks.access,
            MHDCallbacks.acceptPolicy,
            MHDCallbacks.completed,
            MHDCallbacks.uriLog,
            MHDCallbacks.log,
            MHDCallbacks.connection,
            context,
            configuration.maxHeaderBytes,
            UInt32(configuration.connectionLimit),
            // The per-address limit is the accept policy's (AddressLimiter), which logs refusals.
            0,
            headerTimeout ?? configuration.connectionTimeoutSeconds,
            UInt32(configuration.threadPoolSize)
        )
        guard let daemon else {
            let reason = core.lastMessage ?? String(cString: strerror(errno))
            close(listening.fd)
            Unmanaged<ServerCore>.fromOpaque(context).release()
            throw HTTPServerError(code: .startFailed, message: "HTTPServer could not start on \(display): \(reason)")
        }
        var front: (TLSFront, DaemonSlot)?
        if let tls = configuration.tls {
            let slot = DaemonSlot()
            slot.fill(daemon)
            let acceptor = TLSFront(
                listenFD: listening.fd,
                context: tls,
                configuration: configuration,
                logger: logger,
                handOver: { fd, address, length in slot.handOver(fd, address, length) }
            )
            acceptor.start()
            front = (acceptor, slot)
        }
        core.watchdog?.start()
        return Running(daemon: DaemonHandle(pointer: daemon), core: core, port: listening.port, front: front)
    }

    /// How long stop() gives the 503 answers of abandoned requests to go out.
    private static let abandonedAnswerTimeout = Duration.seconds(1)

    private func wait(until deadline: ContinuousClock.Instant, for condition: () -> Bool) {
        var pause = timespec(tv_sec: 0, tv_nsec: 2_000_000)
        while !condition(), ContinuousClock.now < deadline {
            nanosleep(&pause, nil)
        }
    }
}

/// A libmicrohttpd daemon pointer. `@unchecked Sendable` because libmicrohttpd's daemon calls
/// used here (stop, info) may come from any thread; only ``HTTPServer/stop()`` stops it,
/// once, after taking it out of the lifecycle state.
private struct DaemonHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}
