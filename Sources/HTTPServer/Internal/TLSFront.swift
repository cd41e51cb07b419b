internal import Dispatch
internal import Glibc
internal import SecureTransport
internal import ServiceSupport
internal import Synchronization

/// Accepts HTTPS connections on the listening socket in libmicrohttpd's place and gives each
/// to a ``TLSRelay``, which hands the decrypted side to the daemon once the handshake is done.
///
/// It enforces the server's connection limits on connections still in their handshake, so a
/// flood of clients that never finish one cannot pile up before libmicrohttpd counts them;
/// libmicrohttpd applies the same limits again to the connections it is given.
final class TLSFront: @unchecked Sendable {
    // @unchecked Sendable: `source` is resumed once in start() and cancelled once in
    // stopAccepting() (guarded by `counts`); Dispatch sources may be resumed and cancelled
    // from any thread. Everything else is immutable or behind `counts`.

    private struct Counts {
        var relays: [ObjectIdentifier: TLSRelay] = [:]
        var perHost: [String: Int] = [:]
        var stopped = false
    }

    private struct Settings: Sendable {
        let context: TLSServerContext
        let handshakeTimeout: Duration
        let connectionLimit: Int
        let perIPConnectionLimit: Int?
    }

    private let listenFD: Int32
    private let settings: Settings
    private let logger: Logger
    private let handOver: @Sendable (Int32, UnsafePointer<sockaddr>, socklen_t) -> Bool
    private let queue = DispatchQueue(label: "twilio-gateway.http.tls.accept")
    private let counts = Mutex(Counts())
    private let source: any DispatchSourceRead

    /// Creates the front for `listenFD`, which it owns and closes in ``stopAccepting()``.
    ///
    /// - Parameter handOver: Gives libmicrohttpd a connected plaintext socket and the client's
    ///   address (`MHD_add_connection`); returns whether it took it. It closes the socket
    ///   either way.
    init(
        listenFD: Int32,
        context: TLSServerContext,
        configuration: HTTPServer.Configuration,
        logger: Logger,
        handOver: @escaping @Sendable (Int32, UnsafePointer<sockaddr>, socklen_t) -> Bool
    ) {
        self.listenFD = listenFD
        self.settings = Settings(
            context: context,
            handshakeTimeout: configuration.headerTimeout ?? configuration.connectionTimeout,
            connectionLimit: configuration.connectionLimit,
            perIPConnectionLimit: configuration.perIPConnectionLimit
        )
        self.logger = logger
        self.handOver = handOver
        self.source = DispatchSource.makeReadSource(fileDescriptor: listenFD, queue: queue)
    }

    /// Starts accepting.
    ///
    /// - Important: Call it once, before ``stopAccepting()``, which must follow.
    func start() {
        source.setEventHandler { [self] in acceptPending() }
        source.setCancelHandler { [listenFD] in _ = Glibc.close(listenFD) }
        source.resume()
    }

    /// Stops accepting and closes the listening socket; open connections go on.
    func stopAccepting() {
        let wasStopped = counts.withLock { counts in
            defer { counts.stopped = true }
            return counts.stopped
        }
        if !wasStopped {
            source.cancel()
        }
    }

    /// Closes every connection still open, in its handshake or handed over; for after the
    /// daemon has stopped.
    func abortAll() {
        for relay in counts.withLock({ Array($0.relays.values) }) {
            relay.abort()
        }
    }

    /// The relays open now, in their handshake or handed over.
    var relayCount: Int {
        counts.withLock { $0.relays.count }
    }

    private func acceptPending() {
        while true {
            var address = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listenFD, $0, &length) }
            }
            guard fd >= 0 else {
                if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                    logger.warning("http.tls.accept_failed", ["http.errno": String(errno)])
                }
                if errno == EINTR {
                    continue
                }
                return
            }
            guard fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == 0, fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 else {
                logger.warning("http.tls.accept_failed", ["http.errno": String(errno)])
                Glibc.close(fd)
                continue
            }
            admit(fd, address, length)
        }
    }

    private func admit(_ fd: Int32, _ address: sockaddr_storage, _ length: socklen_t) {
        let relay: TLSRelay
        do {
            relay = try TLSRelay(
                network: fd,
                address: address,
                addressLength: length,
                context: settings.context,
                logger: logger,
                handOver: handOver,
                onClose: { [weak self] relay in self?.relayClosed(relay) }
            )
        } catch {
            logger.warning("http.tls.session_failed", ["http.tls.reason": error.message])
            return
        }
        let refusal = counts.withLock { counts -> (limit: String, count: Int)? in
            let fromHost = counts.perHost[relay.host, default: 0]
            if counts.stopped {
                return ("shutting_down", 0)
            }
            if counts.relays.count >= settings.connectionLimit {
                return ("connection_limit", settings.connectionLimit)
            }
            if let perIP = settings.perIPConnectionLimit, fromHost >= perIP {
                return ("per_ip_connection_limit", perIP)
            }
            counts.relays[ObjectIdentifier(relay)] = relay
            counts.perHost[relay.host] = fromHost + 1
            return nil
        }
        if let refusal {
            logger.notice(
                "http.connection.refused",
                ["http.limit": refusal.limit, "http.limit.count": String(refusal.count), "http.peer": relay.peer]
            )
            relay.abort()
            return
        }
        relay.start(handshakeTimeout: settings.handshakeTimeout)
    }

    private func relayClosed(_ relay: TLSRelay) {
        counts.withLock { counts in
            guard counts.relays.removeValue(forKey: ObjectIdentifier(relay)) != nil else {
                return
            }
            let remaining = counts.perHost[relay.host, default: 1] - 1
            counts.perHost[relay.host] = remaining > 0 ? remaining : nil
        }
    }
}
