internal import Glibc

/// An IPv4 or IPv6 address and port, as the socket calls take it.
struct SocketAddress: Sendable {
    private var storage: sockaddr_storage
    private let length: socklen_t

    /// The address family, `AF_INET` or `AF_INET6`.
    var family: Int32 {
        Int32(storage.ss_family)
    }

    /// Copies an address a system call filled in.
    init(copying address: UnsafePointer<sockaddr>, length: socklen_t) {
        var storage = sockaddr_storage()
        let size = min(Int(length), MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutableBytes(of: &storage) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(start: address, count: size))
        }
        self.storage = storage
        self.length = socklen_t(size)
    }

    /// Turns a numeric `host` and `port` into addresses with `getaddrinfo`, never asking DNS.
    ///
    /// Hosts are numeric IPv4 or IPv6 addresses such as `127.0.0.1`, `0.0.0.0` and `::1`, or
    /// `localhost`, which stands for `127.0.0.1` and then `::1`. Names are refused rather than
    /// looked up, so no call blocks on a resolver or reaches for another machine by accident.
    ///
    /// - Parameter passive: Whether the address is for `bind` rather than `connect`.
    /// - Throws: ``TransportError`` when the host is not a numeric address or `localhost`.
    static func resolve(host: String, port: Int, passive: Bool) throws(TransportError) -> [SocketAddress] {
        guard (0...65535).contains(port) else {
            throw TransportError(code: .invalidAddress, message: "port \(port) is outside 0...65535")
        }
        if host.lowercased() == "localhost" {
            let loopbacks = try resolve(host: "127.0.0.1", port: port, passive: passive)
            return passive ? loopbacks : loopbacks + ((try? resolve(host: "::1", port: port, passive: false)) ?? [])
        }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | (passive ? AI_PASSIVE : 0)
        var list: UnsafeMutablePointer<addrinfo>?
        let result = getaddrinfo(host, String(port), &hints, &list)
        guard result == 0, let first = list else {
            let reason = gai_strerror(result).map { String(cString: $0) } ?? "error \(result)"
            throw TransportError(
                code: .invalidAddress,
                message: "\(host) is not a numeric IP address or localhost (\(reason))"
            )
        }
        defer { freeaddrinfo(first) }

        var addresses: [SocketAddress] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            if let address = current.pointee.ai_addr {
                addresses.append(SocketAddress(copying: address, length: current.pointee.ai_addrlen))
            }
            entry = current.pointee.ai_next
        }
        return addresses
    }

    /// Calls `body` with the address as the C calls take it.
    func withSockAddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        withUnsafeBytes(of: storage) { raw in
            body(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), length)
        }
    }

    /// The port number.
    var port: Int {
        withUnsafeBytes(of: storage) { raw in
            if family == AF_INET6 {
                return Int(UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port))
            }
            return Int(UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port))
        }
    }

    /// The numeric host, such as `127.0.0.1` or `::1`.
    var host: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let converted = withUnsafeBytes(of: storage) { raw -> Bool in
            if family == AF_INET6 {
                var address = raw.load(as: sockaddr_in6.self).sin6_addr
                return inet_ntop(AF_INET6, &address, &text, socklen_t(text.count)) != nil
            }
            var address = raw.load(as: sockaddr_in.self).sin_addr
            return inet_ntop(AF_INET, &address, &text, socklen_t(text.count)) != nil
        }
        guard converted else {
            return "unknown"
        }
        return text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// The address as `host:port`, with brackets around an IPv6 host: `[::1]:8080`.
    var description: String {
        family == AF_INET6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
