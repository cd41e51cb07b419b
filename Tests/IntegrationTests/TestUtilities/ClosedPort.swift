#if canImport(Glibc)
    internal import Glibc
#endif

/// A loopback TCP port that nothing listens on: the kernel picks a free one, the socket closes.
///
/// Connecting to it is refused until someone binds it again, which the tests do on purpose
/// (the kernel hands out ephemeral ports at random, so nobody else is likely to take it first).
enum ClosedPort {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Binds `127.0.0.1:0`, reads the port and closes the socket.
    static func make() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else {
            throw Failure(description: "socket() failed with errno \(errno)")
        }
        defer { close(descriptor) }

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                guard bind(descriptor, socketAddress, length) == 0 else {
                    return false
                }
                return getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else {
            throw Failure(description: "binding 127.0.0.1:0 failed with errno \(errno)")
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
