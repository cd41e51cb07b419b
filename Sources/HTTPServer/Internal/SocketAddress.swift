internal import CMicroHTTPD
internal import Glibc

/// An IPv4 or IPv6 socket address parsed from an IP literal, for the listening socket.
enum SocketAddress {
    case v4(sockaddr_in)
    case v6(sockaddr_in6)

    /// Parses `host` as an IPv4 or IPv6 literal.
    ///
    /// - Throws: ``HTTPServerError/Code/invalidConfiguration`` when `host` is not an IP literal.
    init(host: String, port: Int) throws(HTTPServerError) {
        var v4 = sockaddr_in()
        if inet_pton(AF_INET, host, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = UInt16(port).bigEndian
            self = .v4(v4)
            return
        }
        var v6 = sockaddr_in6()
        if inet_pton(AF_INET6, host, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = UInt16(port).bigEndian
            self = .v6(v6)
            return
        }
        throw HTTPServerError(
            code: .invalidConfiguration,
            message: "Invalid HTTPServer configuration: host \(host) is not an IP address; "
                + "use a literal such as 127.0.0.1, ::1 or 0.0.0.0"
        )
    }

    var isIPv6: Bool {
        if case .v6 = self { true } else { false }
    }

    /// The size of the address structure, for `bind`.
    var length: socklen_t {
        switch self {
        case .v4: socklen_t(MemoryLayout<sockaddr_in>.size)
        case .v6: socklen_t(MemoryLayout<sockaddr_in6>.size)
        }
    }

    /// Calls `body` with a pointer to the address, valid only during the call.
    func withSockaddrPointer<Result>(_ body: (UnsafePointer<sockaddr>) -> Result) -> Result {
        switch self {
        case .v4(var address):
            withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1, body) }
        case .v6(var address):
            withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1, body) }
        }
    }

    /// The IP text and port of a peer address, or `("", 0)` when it is missing or not IP.
    static func describe(_ address: UnsafePointer<sockaddr>?) -> (host: String, port: Int) {
        guard let address else {
            return ("", 0)
        }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                var raw = ipv4.pointee.sin_addr
                guard inet_ntop(AF_INET, &raw, &text, socklen_t(text.count)) != nil else {
                    return ("", 0)
                }
                return (decodeCString(text), Int(UInt16(bigEndian: ipv4.pointee.sin_port)))
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6 in
                var raw = ipv6.pointee.sin6_addr
                guard inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count)) != nil else {
                    return ("", 0)
                }
                return (decodeCString(text), Int(UInt16(bigEndian: ipv6.pointee.sin6_port)))
            }
        default:
            return ("", 0)
        }
    }

    private static func decodeCString(_ text: [CChar]) -> String {
        String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
