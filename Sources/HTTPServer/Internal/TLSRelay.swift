internal import Dispatch
internal import Glibc
internal import SecureTransport
internal import ServiceSupport

/// Carries one HTTPS connection between the client's TCP socket and libmicrohttpd, which
/// sees plain HTTP on one end of a socket pair.
///
/// The TLS handshake runs first, bounded by a timeout; only a connection that completes it
/// is handed to libmicrohttpd (with the client's real address, so per-address limits and
/// logs see the client). Then bytes are decrypted toward the daemon and encrypted toward the
/// client as they come, so streamed responses stream. Each direction buffers at most
/// ``bufferLimit`` bytes before it stops reading from its source.
///
/// Everything runs on ``queue``. When either side ends, the other is told (end of input
/// toward the daemon, close_notify toward the client) and both sockets close.
final class TLSRelay: @unchecked Sendable {
    // @unchecked Sendable: every mutable field is touched only on `queue`.

    private enum Phase {
        /// Waiting for the client to finish the TLS handshake. Moves to `relaying` or `closed`.
        case handshaking
        /// Handed to libmicrohttpd; bytes flow both ways. Moves to `closing` or `closed`.
        case relaying
        /// The daemon closed its end; the last ciphertext and close_notify go out. Moves to `closed`.
        case closing
        /// Both sockets closed (once their sources are cancelled). Final.
        case closed
    }

    private static let chunkSize = 32_768
    private static let bufferLimit = 262_144

    /// The client, such as `127.0.0.1:53422`.
    let peer: String
    /// The client's IP address, for the per-address count.
    let host: String
    let queue: DispatchQueue
    private let session: TLSSession
    private let network: Int32
    private let local: Int32
    private var daemonEnd: Int32?
    private let address: sockaddr_storage
    private let addressLength: socklen_t
    private let logger: Logger
    private let handOver: @Sendable (Int32, UnsafePointer<sockaddr>, socklen_t) -> Bool
    private let onClose: @Sendable (TLSRelay) -> Void
    private var phase = Phase.handshaking
    private var toClient: [UInt8] = []
    private var toClientOffset = 0
    private var toDaemon: [UInt8] = []
    private var toDaemonOffset = 0
    private var clientEnded = false
    private var buffer = [UInt8](repeating: 0, count: TLSRelay.chunkSize)
    private var networkRead: SourceSwitch!
    private var networkWrite: SourceSwitch!
    private var localRead: SourceSwitch!
    private var localWrite: SourceSwitch!
    private var openSources = 4

    /// Wraps an accepted client socket; the relay owns it and the socket pair from now on.
    ///
    /// - Throws: ``TLSError`` when no TLS session can be made, or the socket pair cannot be
    ///   created (the client socket is then closed).
    init(
        network: Int32,
        address: sockaddr_storage,
        addressLength: socklen_t,
        context: TLSServerContext,
        logger: Logger,
        handOver: @escaping @Sendable (Int32, UnsafePointer<sockaddr>, socklen_t) -> Bool,
        onClose: @escaping @Sendable (TLSRelay) -> Void
    ) throws(TLSError) {
        var address = address
        let described = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { SocketAddress.describe($0) }
        }
        self.host = described.host
        self.peer =
            described.host.contains(":")
            ? "[\(described.host)]:\(described.port)" : "\(described.host):\(described.port)"
        do throws(TLSError) {
            self.session = try TLSSession(server: context)
        } catch {
            Glibc.close(network)
            throw error
        }
        var pair: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &pair) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(network)
            throw TLSError("cannot create the socket pair for an HTTPS connection: \(reason)")
        }
        self.network = network
        self.local = pair[0]
        self.daemonEnd = pair[1]
        self.address = address
        self.addressLength = addressLength
        self.queue = DispatchQueue(label: "twilio-gateway.http.tls", target: .global())
        self.logger = logger.with("http.peer", peer)
        self.handOver = handOver
        self.onClose = onClose
        networkRead = makeSource(DispatchSource.makeReadSource(fileDescriptor: network, queue: queue)) {
            $0.networkReadable()
        }
        networkWrite = makeSource(DispatchSource.makeWriteSource(fileDescriptor: network, queue: queue)) {
            $0.flushToClient()
        }
        localRead = makeSource(DispatchSource.makeReadSource(fileDescriptor: local, queue: queue)) {
            $0.localReadable()
        }
        localWrite = makeSource(DispatchSource.makeWriteSource(fileDescriptor: local, queue: queue)) {
            $0.flushToDaemon()
        }
    }

    private func makeSource(
        _ source: any DispatchSourceProtocol,
        _ handler: @escaping (TLSRelay) -> Void
    ) -> SourceSwitch {
        source.setEventHandler { [weak self] in
            if let self {
                handler(self)
            }
        }
        source.setCancelHandler { [self] in sourceCancelled() }
        return SourceSwitch(source)
    }

    /// Starts reading the client's handshake; a client that has not finished it within
    /// `handshakeTimeout` is dropped.
    func start(handshakeTimeout: Duration) {
        queue.async { [self] in
            networkRead.run()
            let (seconds, attoseconds) = handshakeTimeout.components
            let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
            queue.asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [self] in
                if phase == .handshaking {
                    logger.notice("http.tls.handshake_timeout")
                    close()
                }
            }
        }
    }

    /// Closes both sockets now, from any thread.
    func abort() {
        queue.async { [self] in close() }
    }

    // MARK: - Client to daemon

    private func networkReadable() {
        for _ in 0..<4 where phase == .handshaking || phase == .relaying {
            let count = buffer.withUnsafeMutableBytes { Self.receive(network, into: $0) }
            switch count {
            case .some(let count) where count > 0:
                let received = buffer.withUnsafeBytes { bytes -> TLSError? in
                    do throws(TLSError) {
                        try session.receive(ciphertext: UnsafeRawBufferPointer(rebasing: bytes[0..<count]))
                        return nil
                    } catch {
                        return error
                    }
                }
                if let received {
                    return fail(received)
                }
                decrypt()
            case .some:
                return clientFinished()
            case nil where errno == EAGAIN || errno == EWOULDBLOCK:
                return
            case nil:
                return close()
            }
        }
    }

    private func decrypt() {
        let wasComplete = session.isHandshakeComplete
        do throws(TLSError) {
            reading: while true {
                let outcome = buffer.withUnsafeMutableBytes { bytes -> Result<TLSSession.ReadResult, TLSError> in
                    do throws(TLSError) {
                        return .success(try session.readPlaintext(into: bytes))
                    } catch {
                        return .failure(error)
                    }
                }
                switch try outcome.get() {
                case .bytes(let count):
                    toDaemon += buffer[0..<count]
                case .needsInput:
                    break reading
                case .closed:
                    clientEnded = true
                    break reading
                }
            }
        } catch {
            return fail(error)
        }
        if !wasComplete && session.isHandshakeComplete {
            guard becomeRelaying() else {
                return
            }
        }
        session.takeCiphertext(appendingTo: &toClient)
        flushToClient()
        flushToDaemon()
        if clientEnded {
            clientFinished()
        }
    }

    private func becomeRelaying() -> Bool {
        guard let daemonEnd else {
            return false
        }
        self.daemonEnd = nil
        phase = .relaying
        logger.debug("http.tls.handshake_completed", ["http.tls.version": session.protocolVersion])
        var address = address
        let accepted = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { handOver(daemonEnd, $0, addressLength) }
        }
        guard accepted else {
            logger.notice("http.tls.connection_refused_by_daemon")
            close()
            return false
        }
        localRead.run()
        return true
    }

    private func clientFinished() {
        clientEnded = true
        networkRead.pause()
        guard phase == .relaying else {
            return close()
        }
        flushToDaemon()
    }

    private func flushToDaemon() {
        guard phase == .relaying else {
            return
        }
        while toDaemonOffset < toDaemon.count {
            let sent = toDaemon.withUnsafeBytes { bytes in
                Self.send(local, UnsafeRawBufferPointer(rebasing: bytes[toDaemonOffset...]))
            }
            guard let sent else {
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    localWrite.run()
                    networkRead.pause()
                    return
                }
                return close()
            }
            toDaemonOffset += sent
        }
        toDaemon.removeAll(keepingCapacity: true)
        toDaemonOffset = 0
        localWrite.pause()
        if clientEnded {
            _ = shutdown(local, Int32(SHUT_WR))
        } else {
            networkRead.run()
        }
    }

    // MARK: - Daemon to client

    private func localReadable() {
        for _ in 0..<4 where phase == .relaying {
            let count = buffer.withUnsafeMutableBytes { Self.receive(local, into: $0) }
            switch count {
            case .some(let count) where count > 0:
                let failure = buffer.withUnsafeBytes { bytes -> TLSError? in
                    do throws(TLSError) {
                        try session.write(plaintext: UnsafeRawBufferPointer(rebasing: bytes[0..<count]))
                        return nil
                    } catch {
                        return error
                    }
                }
                if let failure {
                    return fail(failure)
                }
                session.takeCiphertext(appendingTo: &toClient)
                flushToClient()
            case .some:
                phase = .closing
                localRead.pause()
                session.close()
                session.takeCiphertext(appendingTo: &toClient)
                return flushToClient()
            case nil where errno == EAGAIN || errno == EWOULDBLOCK:
                return
            case nil:
                return close()
            }
        }
    }

    private func flushToClient() {
        guard phase != .closed else {
            return
        }
        while toClientOffset < toClient.count {
            let sent = toClient.withUnsafeBytes { bytes in
                Self.send(network, UnsafeRawBufferPointer(rebasing: bytes[toClientOffset...]))
            }
            guard let sent else {
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    networkWrite.run()
                    if toClient.count - toClientOffset > Self.bufferLimit {
                        localRead.pause()
                    }
                    return
                }
                return close()
            }
            toClientOffset += sent
        }
        toClient.removeAll(keepingCapacity: true)
        toClientOffset = 0
        networkWrite.pause()
        switch phase {
        case .relaying:
            localRead.run()
        case .closing:
            close()
        case .handshaking, .closed:
            return
        }
    }

    // MARK: - Ending

    private func fail(_ error: TLSError) {
        if phase == .handshaking {
            logger.notice("http.tls.handshake_failed", ["http.tls.reason": error.message])
        } else {
            logger.notice("http.tls.record_failed", ["http.tls.reason": error.message])
        }
        session.takeCiphertext(appendingTo: &toClient)
        if toClientOffset < toClient.count {
            _ = toClient.withUnsafeBytes { bytes in
                Self.send(network, UnsafeRawBufferPointer(rebasing: bytes[toClientOffset...]))
            }
        }
        close()
    }

    private func close() {
        guard phase != .closed else {
            return
        }
        phase = .closed
        networkRead.cancel()
        networkWrite.cancel()
        localRead.cancel()
        localWrite.cancel()
        if let daemonEnd {
            Glibc.close(daemonEnd)
            self.daemonEnd = nil
        }
        onClose(self)
    }

    private func sourceCancelled() {
        openSources -= 1
        if openSources == 0 {
            Glibc.close(network)
            Glibc.close(local)
        }
    }

    /// `recv` retried on `EINTR`: the byte count (0 at end of input), or `nil` with `errno` set.
    private static func receive(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        while true {
            let count = recv(fd, buffer.baseAddress, buffer.count, 0)
            if count >= 0 {
                return count
            }
            if errno != EINTR {
                return nil
            }
        }
    }

    /// `send` without `SIGPIPE`, retried on `EINTR`: the bytes sent, or `nil` with `errno` set.
    private static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int? {
        while true {
            let count = Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if count >= 0 {
                return count
            }
            if errno != EINTR {
                return nil
            }
        }
    }
}
