internal import Glibc
internal import SecureTransport

/// A connected blocking socket carrying a webhook exchange, in the clear or inside a TLS
/// session whose handshake ``init(socket:target:tls:deadline:)`` completes.
///
/// Every blocking call is bounded by what is left of the deadline it is given. The socket
/// stays the caller's to close.
final class CallbackChannel {
    private let socket: Int32
    private let session: TLSSession?
    private var buffer = [UInt8](repeating: 0, count: 16 * 1024)

    /// Wraps `socket`; with `tls` (for an `https` target), runs the TLS handshake, which checks
    /// that the server's certificate chains to what `tls` trusts and names `target.host`.
    ///
    /// - Throws: ``CallbackPosterError`` with OpenSSL's reason when the handshake fails, or
    ///   when the deadline passes first.
    init(socket: Int32, target: CallbackTarget, tls: TLSClientContext?, deadline: ContinuousClock.Instant)
        throws(CallbackPosterError)
    {
        self.socket = socket
        guard let tls else {
            session = nil
            return
        }
        do {
            session = try TLSSession(client: tls, host: target.host)
        } catch {
            throw CallbackPosterError("TLS with \(target.hostHeader) could not start: \(error.message)")
        }
        try handshake(with: target, deadline: deadline)
    }

    /// Sends every byte of `plaintext`.
    func send(_ plaintext: [UInt8], deadline: ContinuousClock.Instant) throws(CallbackPosterError) {
        guard let session else {
            try sendRaw(plaintext, deadline: deadline)
            return
        }
        do {
            try plaintext.withUnsafeBytes { try session.write(plaintext: $0) }
        } catch {
            throw CallbackPosterError("sending over TLS failed: \(error)")
        }
        try flush(session, deadline: deadline)
    }

    /// Waits for the next bytes from the receiver; empty once it has closed the connection.
    func receive(deadline: ContinuousClock.Instant) throws(CallbackPosterError) -> ArraySlice<UInt8> {
        guard let session else {
            return try receiveRaw(deadline: deadline)
        }
        while true {
            let result: TLSSession.ReadResult
            do {
                result = try buffer.withUnsafeMutableBytes { try session.readPlaintext(into: $0) }
            } catch {
                throw CallbackPosterError("reading the answer over TLS failed: \(error)")
            }
            switch result {
            case .bytes(let count):
                return buffer[0..<count]
            case .closed:
                return []
            case .needsInput:
                try flush(session, deadline: deadline)
                let ciphertext = try receiveRaw(deadline: deadline)
                guard !ciphertext.isEmpty else {
                    return []
                }
                try hand(ciphertext, to: session)
            }
        }
    }

    private func handshake(with target: CallbackTarget, deadline: ContinuousClock.Instant) throws(CallbackPosterError) {
        guard let session else {
            return
        }
        while true {
            let isComplete: Bool
            do {
                isComplete = try session.advanceHandshake()
            } catch {
                // Best effort: the alert tells the server why; the handshake failed either way.
                try? flush(session, deadline: deadline)
                throw CallbackPosterError("TLS with \(target.hostHeader) failed: \(error.message)")
            }
            try flush(session, deadline: deadline)
            if isComplete {
                return
            }
            let ciphertext = try receiveRaw(deadline: deadline)
            guard !ciphertext.isEmpty else {
                throw CallbackPosterError("\(target.hostHeader) closed the connection during the TLS handshake")
            }
            try hand(ciphertext, to: session)
        }
    }

    private func hand(_ ciphertext: ArraySlice<UInt8>, to session: TLSSession) throws(CallbackPosterError) {
        do {
            try ciphertext.withUnsafeBytes { try session.receive(ciphertext: $0) }
        } catch {
            throw CallbackPosterError("\(error)")
        }
    }

    private func flush(_ session: TLSSession, deadline: ContinuousClock.Instant) throws(CallbackPosterError) {
        var ciphertext: [UInt8] = []
        session.takeCiphertext(appendingTo: &ciphertext)
        try sendRaw(ciphertext, deadline: deadline)
    }

    private func sendRaw(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(CallbackPosterError) {
        var offset = 0
        while offset < bytes.count {
            try Self.setTimeouts(socket, remaining: deadline - .now)
            let sent = bytes.withUnsafeBytes { buffer in
                Glibc.send(socket, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                guard errno == EINTR else {
                    throw CallbackPosterError("sending failed: \(String(cString: strerror(errno)))")
                }
                continue
            }
            offset += sent
        }
    }

    private func receiveRaw(deadline: ContinuousClock.Instant) throws(CallbackPosterError) -> ArraySlice<UInt8> {
        while true {
            guard ContinuousClock.now < deadline else {
                throw CallbackPosterError("no answer within the time limit")
            }
            try Self.setTimeouts(socket, remaining: deadline - .now)
            let count = buffer.withUnsafeMutableBytes { Glibc.recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                switch errno {
                case EINTR:
                    continue
                case EAGAIN, EWOULDBLOCK:
                    throw CallbackPosterError("no answer within the time limit")
                default:
                    throw CallbackPosterError("reading the answer failed: \(String(cString: strerror(errno)))")
                }
            }
            return buffer[0..<count]
        }
    }

    /// Bounds each blocking call on `socket` by what is left of the deadline (at least 1 ms).
    static func setTimeouts(_ socket: Int32, remaining: Duration) throws(CallbackPosterError) {
        let (seconds, attoseconds) = remaining.components
        let micros = max(1000, Int(seconds) * 1_000_000 + Int(attoseconds / 1_000_000_000_000))
        var value = timeval(tv_sec: micros / 1_000_000, tv_usec: micros % 1_000_000)
        let size = socklen_t(MemoryLayout<timeval>.size)
        for option in [SO_SNDTIMEO, SO_RCVTIMEO] where setsockopt(socket, SOL_SOCKET, option, &value, size) != 0 {
            throw CallbackPosterError("setting a socket timeout failed: \(String(cString: strerror(errno)))")
        }
    }
}
