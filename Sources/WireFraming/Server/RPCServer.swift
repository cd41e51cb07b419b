internal import Dispatch
public import RPCCore
public import ServiceSupport
internal import Synchronization

/// Serves an ``RPCDispatcher`` over TCP with the TWGW framing protocol (`docs/protocol.md`).
///
/// Each connection has its own serial queue; each call runs on the dispatcher in its own
/// task. A peer that breaks the protocol gets a GOAWAY or an error status and one log line,
/// never a crash.
///
/// ```swift
/// let server = RPCServer(dispatcher: dispatcher, logger: logger)
/// let port = try server.start(host: "127.0.0.1", port: 0)
/// // ...
/// server.beginGracefulShutdown()
/// await server.waitUntilStopped()
/// ```
public final class RPCServer: Sendable {
    private enum Lifecycle {
        /// Created, not listening; moves to `running` or `stopped`.
        case idle
        /// Accepting connections; moves to `draining`.
        case running(Listener)
        /// Not accepting; connections finish their calls. Moves to `stopped` when the
        /// last connection closes.
        case draining
        /// Every connection is closed. Final.
        case stopped
    }

    private struct Registered {
        let connection: ServerConnection
        let countsTowardLimit: Bool
    }

    private struct State {
        var lifecycle = Lifecycle.idle
        var port: Int?
        var connections: [ObjectIdentifier: Registered] = [:]
        var connectionsPerHost: [String: Int] = [:]
        var stopWaiters: [CheckedContinuation<Void, Never>] = []

        mutating func takeStopWaiters() -> [CheckedContinuation<Void, Never>] {
            defer { stopWaiters = [] }
            return stopWaiters
        }
    }

    private let dispatcher: RPCDispatcher
    private let logger: Logger
    private let configuration: Configuration
    private let state = Mutex(State())

    /// Creates a server; nothing is bound until ``start(host:port:)``.
    ///
    /// - Parameters:
    ///   - dispatcher: Runs the calls.
    ///   - logger: Receives connection events and protocol violations, one line each.
    ///   - configuration: Limits and timeouts.
    public init(dispatcher: RPCDispatcher, logger: Logger, configuration: Configuration = Configuration()) {
        self.dispatcher = dispatcher
        self.logger = logger
        self.configuration = configuration
    }

    /// The port the server listens on, once started.
    public var port: Int? {
        state.withLock { $0.port }
    }

    /// The TCP connections open now: those serving calls, draining, or being refused with a
    /// GOAWAY (over the per-address limit, or during shutdown) until they close.
    public var openConnectionCount: Int {
        state.withLock { $0.connections.count }
    }

    /// Binds `host:port` and starts accepting connections.
    ///
    /// - Parameters:
    ///   - host: A numeric address such as `127.0.0.1`, `::1` or `0.0.0.0`, or `localhost`
    ///     (`127.0.0.1`); names are not looked up.
    ///   - port: The port, or 0 for any free one.
    /// - Returns: The bound port.
    /// - Throws: ``TransportError``: an invalid configuration or a second start
    ///   (``TransportError/Code/invalidState``), a host that does not resolve, or a failed
    ///   `bind` or `listen`.
    @discardableResult
    public func start(host: String, port: Int) throws(TransportError) -> Int {
        try configuration.validate()
        let listener: Listener = try state.withLock { (state) throws(TransportError) -> Listener in
            guard case .idle = state.lifecycle else {
                throw TransportError(
                    code: .invalidState,
                    message: "RPCServer.start was called on a server already started"
                )
            }
            let listener = try Listener(host: host, port: port)
            state.lifecycle = .running(listener)
            state.port = listener.address.port
            return listener
        }

        listener.start(
            onAccept: { [self] fd, address in accept(fd, from: address) },
            onError: { [logger] error in logger.warning("rpc.server.accept_failed", ["error": error.description]) }
        )
        logger.info("rpc.server.started", ["rpc.address": listener.address.description])

        return listener.address.port
    }

    /// Starts a graceful shutdown and returns at once.
    ///
    /// The listener stops; each connection gets GOAWAY (OK, `server shutting down`) with
    /// the highest stream it accepted, finishes its calls in flight, refuses new ones with
    /// `UNAVAILABLE`, and closes when its last call ends. Calls still running after
    /// ``Configuration/shutdownGracePeriod`` are cancelled and end with `UNAVAILABLE`.
    /// Calling it again does nothing.
    public func beginGracefulShutdown() {
        let (listener, connections, waiters) = state.withLock { state in
            let listener: Listener?
            switch state.lifecycle {
            case .idle:
                listener = nil
            case .running(let running):
                listener = running
            case .draining, .stopped:
                return (Listener?.none, [ServerConnection](), [CheckedContinuation<Void, Never>]())
            }
            let connections = state.connections.values.map(\.connection)
            state.lifecycle = connections.isEmpty ? .stopped : .draining
            return (listener, connections, connections.isEmpty ? state.takeStopWaiters() : [])
        }

        listener?.stop()
        for waiter in waiters {
            waiter.resume()
        }
        guard !connections.isEmpty else {
            logger.info("rpc.server.stopped")
            return
        }
        logger.info("rpc.server.draining", ["rpc.connections": String(connections.count)])
        for connection in connections {
            connection.beginDraining()
        }
        DispatchQueue.global().asyncAfter(deadline: .after(configuration.shutdownGracePeriod)) { [self] in
            endGracePeriod()
        }
    }

    /// Returns once the server has stopped: after ``beginGracefulShutdown()`` and the close
    /// of its last connection. Returns at once for a server already stopped.
    public func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let stopped = state.withLock { state in
                if case .stopped = state.lifecycle {
                    return true
                }
                state.stopWaiters.append(continuation)
                return false
            }
            if stopped {
                continuation.resume()
            }
        }
    }

    private func accept(_ fd: Int32, from address: SocketAddress) {
        let host = address.host
        let limit = configuration.maxConnectionsPerAddress
        let connection = ServerConnection(
            fd: fd,
            peer: address,
            dispatcher: dispatcher,
            logger: logger,
            configuration: configuration,
            onClose: { [self] connection in connectionClosed(connection) }
        )
        let accepted = state.withLock { state -> Bool? in
            guard case .running = state.lifecycle else {
                return nil
            }
            let count = state.connectionsPerHost[host, default: 0]
            let allowed = count < limit
            if allowed {
                state.connectionsPerHost[host] = count + 1
            }
            state.connections[ObjectIdentifier(connection)] = Registered(
                connection: connection,
                countsTowardLimit: allowed
            )
            return allowed
        }

        switch accepted {
        case true?:
            connection.begin()
        case false?:
            connection.beginRefusing(
                .resourceExhausted,
                "too many connections from \(host); the server allows \(limit) per address",
                limit: "max_connections_per_address"
            )
        case nil:
            connection.beginRefusing(.unavailable, "the server is shutting down")
        }
    }

    private func connectionClosed(_ connection: ServerConnection) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>]? in
            guard let registered = state.connections.removeValue(forKey: ObjectIdentifier(connection)) else {
                return nil
            }
            if registered.countsTowardLimit {
                let remaining = state.connectionsPerHost[connection.remoteHost, default: 1] - 1
                state.connectionsPerHost[connection.remoteHost] = remaining > 0 ? remaining : nil
            }
            guard case .draining = state.lifecycle, state.connections.isEmpty else {
                return nil
            }
            state.lifecycle = .stopped
            return state.takeStopWaiters()
        }
        guard let waiters else {
            return
        }
        logger.info("rpc.server.stopped")
        for waiter in waiters {
            waiter.resume()
        }
    }

    private func endGracePeriod() {
        let connections = state.withLock { state -> [ServerConnection] in
            guard case .draining = state.lifecycle else {
                return []
            }
            return state.connections.values.map(\.connection)
        }
        if !connections.isEmpty {
            logger.info("rpc.server.grace_period_ended", ["rpc.connections": String(connections.count)])
        }
        for connection in connections {
            connection.beginAbandoningCalls()
        }
    }
}
