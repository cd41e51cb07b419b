internal import Glibc
internal import ServiceSupport
internal import Synchronization

/// Drops connections that take too long, in total, to deliver a request.
///
/// libmicrohttpd's own timeout only measures silence, so a client that sends one byte every
/// few seconds keeps its connection forever. The watchdog bounds the whole delivery instead: a
/// connection's clock starts when it opens and again when its previous request completes, and
/// stops while a request is in its handler or being answered. A connection over the limit has
/// its socket shut down (`shutdown(2)`), which libmicrohttpd sees as the client going away and
/// cleans up on its own thread.
///
/// The descriptor is shut down under the same lock that the connection's close notice takes,
/// and libmicrohttpd sends that notice before it closes the descriptor, so the watchdog never
/// touches a descriptor that was closed and reused.
final class ReceiveWatchdog: Sendable {
    private struct Entry: Sendable {
        let fd: Int32
        let peer: String
        /// When the current request's delivery began; `nil` while no request is being received.
        var receivingSince: ContinuousClock.Instant?
        var dropped = false
    }

    private let limit: Duration
    private let logger: Logger
    private let entries = Mutex<[UInt: Entry]>([:])
    private let sweeper = Mutex<Task<Void, Never>?>(nil)

    /// Creates a watchdog; nothing is checked until ``start()``.
    init(limit: Duration, logger: Logger) {
        self.limit = limit
        self.logger = logger
    }

    /// Starts checking the open connections, four times per limit and at least once a second.
    func start() {
        let interval = min(limit / 4, .seconds(1))
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                self?.sweep()
            }
        }
        sweeper.withLock { $0 = task }
    }

    /// Stops checking.
    func stop() {
        sweeper.withLock { $0?.cancel() }
    }

    /// A connection opened: its first request's delivery begins now.
    func opened(_ connection: OpaquePointer, fd: Int32, peer: String) {
        guard fd >= 0 else {
            return
        }
        entries.withLock { $0[Self.key(connection)] = Entry(fd: fd, peer: peer, receivingSince: .now) }
    }

    /// A request was received whole (or refused): the clock stops until it completes.
    func received(_ connection: OpaquePointer) {
        entries.withLock { $0[Self.key(connection)]?.receivingSince = nil }
    }

    /// A request completed: the next one's delivery begins now.
    func completed(_ connection: OpaquePointer) {
        entries.withLock { entries in
            let key = Self.key(connection)
            if entries[key]?.dropped == false {
                entries[key]?.receivingSince = .now
            }
        }
    }

    /// libmicrohttpd is about to close the connection; called before it closes the descriptor.
    func closed(_ connection: OpaquePointer) {
        _ = entries.withLock { $0.removeValue(forKey: Self.key(connection)) }
    }

    private func sweep() {
        let now = ContinuousClock.now
        let dropped = entries.withLock { entries -> [String] in
            var peers: [String] = []
            for (key, entry) in entries where !entry.dropped {
                guard let since = entry.receivingSince, now - since > limit else {
                    continue
                }
                entries[key]?.dropped = true
                entries[key]?.receivingSince = nil
                // A failure means the socket is already disconnected, which is the aim.
                _ = shutdown(entry.fd, Int32(SHUT_RDWR))
                peers.append(entry.peer)
            }
            return peers
        }
        for peer in dropped {
            logger.notice(
                "http.connection.receive_timeout",
                ["http.limit": "request_receive_timeout", "http.limit.ms": limit.millisecondsText, "http.peer": peer]
            )
        }
    }

    private static func key(_ connection: OpaquePointer) -> UInt {
        UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection)))
    }
}
