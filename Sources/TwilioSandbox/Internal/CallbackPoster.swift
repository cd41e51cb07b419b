internal import Glibc

/// Posts one webhook over a fresh TCP connection and reads the answer's status line.
///
/// Blocking: run it on a thread of its own (``CallbackDeliveryQueue`` does). The whole exchange
/// is bounded by `timeout`, like Twilio's 15 seconds for a webhook.
enum CallbackPoster {
    /// Sends `POST` with `headers` and `body` to `target`.
    ///
    /// - Returns: The HTTP status of the answer.
    /// - Throws: ``CallbackPosterError`` when no answer arrived.
    static func post(
        to target: CallbackTarget,
        headers: [(String, String)],
        body: [UInt8],
        timeout: Duration
    ) throws(CallbackPosterError) -> Int {
        let deadline = ContinuousClock.now + timeout
        let socket = try connect(to: target, deadline: deadline)
        defer { close(socket) }

        var head = "POST \(target.pathAndQuery) HTTP/1.1\r\nHost: \(target.hostHeader)\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        try write(Array(head.utf8) + body, to: socket, deadline: deadline)
        return try readStatus(from: socket, deadline: deadline)
    }

    private static func connect(to target: CallbackTarget, deadline: ContinuousClock.Instant)
        throws(CallbackPosterError)
        -> Int32
    {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(target.host, String(target.port), &hints, &list)
        guard resolved == 0, let list else {
            throw CallbackPosterError("cannot resolve \(target.host): \(String(cString: gai_strerror(resolved)))")
        }
        defer { freeaddrinfo(list) }

        var lastError = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let address = entry {
            entry = address.pointee.ai_next
            let socket = Glibc.socket(
                address.pointee.ai_family,
                address.pointee.ai_socktype,
                address.pointee.ai_protocol
            )
            guard socket >= 0 else {
                lastError = String(cString: strerror(errno))
                continue
            }
            do {
                try setTimeouts(socket, remaining: deadline - .now)
            } catch {
                close(socket)
                throw error
            }
            if Glibc.connect(socket, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                return socket
            }
            lastError = String(cString: strerror(errno))
            close(socket)
        }
        throw CallbackPosterError("cannot connect to \(target.hostHeader): \(lastError)")
    }

    private static func write(_ bytes: [UInt8], to socket: Int32, deadline: ContinuousClock.Instant)
        throws(CallbackPosterError)
    {
        var offset = 0
        while offset < bytes.count {
            try setTimeouts(socket, remaining: deadline - .now)
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

    /// Reads until the status line is complete and returns its code.
    private static func readStatus(from socket: Int32, deadline: ContinuousClock.Instant) throws(CallbackPosterError)
        -> Int
    {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while !received.contains(UInt8(ascii: "\n")) {
            guard received.count < 8192, ContinuousClock.now < deadline else {
                throw CallbackPosterError("no status line within the time limit")
            }
            try setTimeouts(socket, remaining: deadline - .now)
            let count = buffer.withUnsafeMutableBytes { Glibc.recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                guard errno == EINTR else {
                    throw CallbackPosterError("reading the answer failed: \(String(cString: strerror(errno)))")
                }
                continue
            }
            guard count > 0 else {
                throw CallbackPosterError("the receiver closed the connection without answering")
            }
            received += buffer[0..<count]
        }
        let line = String(
            decoding: received.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") },
            as: UTF8.self
        )
        let parts = line.split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw CallbackPosterError("the answer does not start with an HTTP status line")
        }
        return status
    }

    /// Bounds each blocking call on `socket` by what is left of the deadline (at least 1 ms).
    private static func setTimeouts(_ socket: Int32, remaining: Duration) throws(CallbackPosterError) {
        let (seconds, attoseconds) = remaining.components
        let micros = max(1000, Int(seconds) * 1_000_000 + Int(attoseconds / 1_000_000_000_000))
        var value = timeval(tv_sec: micros / 1_000_000, tv_usec: micros % 1_000_000)
        let size = socklen_t(MemoryLayout<timeval>.size)
        for option in [SO_SNDTIMEO, SO_RCVTIMEO] where setsockopt(socket, SOL_SOCKET, option, &value, size) != 0 {
            throw CallbackPosterError("setting a socket timeout failed: \(String(cString: strerror(errno)))")
        }
    }
}

/// Why a webhook got no answer.
struct CallbackPosterError: Error, Sendable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
