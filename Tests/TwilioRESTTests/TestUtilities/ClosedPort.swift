#if canImport(Glibc)
    internal import Glibc
#endif

/// A loopback port that nothing listens on: bound once to learn a free number, then closed.
enum ClosedPort {
    static func make() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else {
            throw SystemCallError(function: "socket", errno: errno)
        }
        defer { close(socket) }

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else {
            throw SystemCallError(function: "bind/getsockname", errno: errno)
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A system call in a test helper failed.
struct SystemCallError: Error, CustomStringConvertible {
    var function: String
    var errno: Int32

    var description: String {
        "\(function) failed with errno \(errno)"
    }
}
