internal import CMicroHTTPD
internal import ServiceSupport
internal import Synchronization

/// What libmicrohttpd's callbacks reach through their `cls` pointer while a daemon runs.
///
/// ``HTTPServer`` retains it once for the daemon's lifetime (`Unmanaged.passRetained`) and
/// releases it after `MHD_stop_daemon` returns, when no callback can run any more.
final class ServerCore: Sendable {
    private struct Registry: Sendable {
        var stopping = false
        var activeRequests = 0
        var suspended: [ObjectIdentifier: RequestContext] = [:]
    }

    let handler: HTTPHandler
    let logger: Logger
    let maxBodyBytes: Int
    /// The streaming responses in progress.
    let streams: StreamRegistry
    /// The inactivity timeout a connection gets once a request's head is complete, when the
    /// daemon's own timeout is the shorter header timeout; `nil` when there is none.
    let connectionTimeoutAfterHead: UInt32?
    /// Drops connections that take too long to deliver a request; `nil` when there is no such limit.
    let watchdog: ReceiveWatchdog?
    /// Holds each client address to its connection limit; `nil` when there is none.
    let addressLimiter: AddressLimiter?
    private let registry = Mutex(Registry())
    private let lastDiagnostic = Mutex<String?>(nil)
    private let openConnections = Atomic<Int>(0)

    init(
        handler: @escaping HTTPHandler,
        logger: Logger,
        maxBodyBytes: Int,
        connectionTimeoutAfterHead: UInt32?,
        receiveTimeout: Duration?,
        perIPConnectionLimit: Int?
    ) {
        self.handler = handler
        self.logger = logger
        self.maxBodyBytes = maxBodyBytes
        self.streams = StreamRegistry(logger: logger)
        self.connectionTimeoutAfterHead = connectionTimeoutAfterHead
        self.watchdog = receiveTimeout.map { ReceiveWatchdog(limit: $0, logger: logger) }
        self.addressLimiter = perIPConnectionLimit.map { AddressLimiter(limit: $0, logger: logger) }
    }

    /// The number of requests between their request line and their completion notice.
    var activeRequestCount: Int {
        registry.withLock { $0.activeRequests }
    }

    /// The connections libmicrohttpd has accepted and not yet closed.
    var openConnectionCount: Int {
        openConnections.load(ordering: .relaxed)
    }

    /// Counts a connection libmicrohttpd accepted and starts its request clock.
    func connectionOpened(_ connection: OpaquePointer) {
        openConnections.wrappingAdd(1, ordering: .relaxed)
        if let watchdog {
            let peer = SocketAddress.describe(CMicroHTTPD_client_address(connection)).host
            watchdog.opened(connection, fd: CMicroHTTPD_connection_fd(connection), peer: peer)
        }
    }

    /// Forgets a connection libmicrohttpd is closing.
    func connectionClosed(_ connection: OpaquePointer) {
        openConnections.wrappingSubtract(1, ordering: .relaxed)
        watchdog?.closed(connection)
        addressLimiter?.release(SocketAddress.describe(CMicroHTTPD_client_address(connection)).host)
    }

    /// The last message libmicrohttpd logged, for start-failure errors.
    var lastMessage: String? {
        lastDiagnostic.withLock { $0 }
    }

    func requestStarted() {
        registry.withLock { $0.activeRequests += 1 }
    }

    func requestFinished() {
        registry.withLock { $0.activeRequests -= 1 }
    }

    func recordDiagnostic(_ message: String) {
        lastDiagnostic.withLock { $0 = message }
        logger.debug("http.mhd.message", ["http.mhd.message": message])
    }

    /// Marks `context` as handling and suspends its connection, unless the server is stopping.
    ///
    /// Must be called from the access handler (the only place `MHD_suspend_connection` is safe).
    /// - Returns: `false` when the server is stopping; the caller answers 503 instead.
    func suspend(_ context: RequestContext, _ connection: ConnectionHandle) -> Bool {
        registry.withLock { registry in
            guard !registry.stopping else {
                return false
            }
            registry.suspended[ObjectIdentifier(context)] = context
            context.beginHandling(connection)
            MHD_suspend_connection(connection.pointer)
            return true
        }
    }

    /// Forgets a context whose connection has been resumed.
    func resumed(_ context: RequestContext) {
        _ = registry.withLock { $0.suspended.removeValue(forKey: ObjectIdentifier(context)) }
    }

    /// Stops suspending new requests; from now on they are answered 503 at once, and new
    /// connections are refused as they are accepted.
    func beginStopping() {
        registry.withLock { $0.stopping = true }
    }

    /// Whether ``beginStopping()`` was called.
    var isStopping: Bool {
        registry.withLock { $0.stopping }
    }

    /// Answers every request still in its handler with 503 and resumes its connection, so that
    /// `MHD_stop_daemon` finds no suspended connection (it must not).
    ///
    /// - Returns: The requests answered this way, to wait for their answers to go out.
    func abandonSuspended() -> [RequestContext] {
        let contexts = registry.withLock { registry in
            let contexts = Array(registry.suspended.values)
            registry.suspended = [:]
            return contexts
        }
        for context in contexts {
            let response = HTTPResponse.text(
                "Service Unavailable: the server is stopping\n",
                status: .serviceUnavailable
            )
            _ = context.finishHandling(with: response)
        }
        return contexts
    }
}
