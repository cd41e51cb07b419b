internal import Glibc
internal import SecureTransport

/// Posts one webhook over a fresh TCP connection, inside TLS for an `https` target, and reads
/// the answer's status line.
///
/// Blocking: run it on a thread of its own (``CallbackDeliveryQueue`` does). The whole exchange,
/// TLS handshake included, is bounded by `timeout`, like Twilio's 15 seconds for a webhook.
enum CallbackPoster {
    /// Sends `POST` with `headers` and `body` to `target`.
    ///
    /// - Parameters:
    ///   - trust: What an `https` target's certificate is verified against; not used for
    ///     `http`.
    /// - Returns: The HTTP status of the answer.
    /// - Throws: ``CallbackPosterError`` when no answer arrived, or the TLS handshake failed
    ///   (OpenSSL's reason included).
    static func post(
        to target: CallbackTarget,
        headers: [(String, String)],
        body: [UInt8],
        timeout: Duration,
        trust: CallbackTrust
    ) throws(CallbackPosterError) -> Int {
        let deadline = ContinuousClock.now + timeout
        var tls: TLSClientContext?
        if target.usesTLS {
            do {
                tls = try trust.clientContext()
            } catch {
                throw CallbackPosterError("TLS cannot be set up: \(error.message)")
            }
        }
        let socket = try connect(to: target, deadline: deadline)
        defer { close(socket) }
        let channel = try CallbackChannel(socket: socket, target: target, tls: tls, deadline: deadline)

        var head = "POST \(target.pathAndQuery) HTTP/1.1\r\nHost: \(target.hostHeader)\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        try channel.send(Array(head.utf8) + body, deadline: deadline)
        return try readStatus(from: channel, deadline: deadline)
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
                try CallbackChannel.setTimeouts(socket, remaining: deadline - .now)
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

    /// Reads until the status line is complete and returns its code.
    private static func readStatus(from channel: CallbackChannel, deadline: ContinuousClock.Instant)
        throws(CallbackPosterError) -> Int
    {
        var received: [UInt8] = []
        while !received.contains(UInt8(ascii: "\n")) {
            guard received.count < 8192 else {
                throw CallbackPosterError("the answer's status line is longer than 8192 bytes")
            }
            let bytes = try channel.receive(deadline: deadline)
            guard !bytes.isEmpty else {
                throw CallbackPosterError("the receiver closed the connection without answering")
            }
            received += bytes
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
}

/// Why a webhook got no answer.
struct CallbackPosterError: Error, Sendable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
