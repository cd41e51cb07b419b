internal import Glibc

/// The listening socket ``HTTPServer`` opens itself and hands to libmicrohttpd
/// (`MHD_OPTION_LISTEN_SOCKET`), so that a failed bind reports the system's reason and the
/// address asked for; libmicrohttpd's own message names the port it was given, which is 0.
enum ListenSocket {
    /// Opens a non-blocking socket bound to `address` and listening.
    ///
    /// - Parameter display: The address as the caller wrote it, such as `127.0.0.1:8080`, for
    ///   messages.
    /// - Returns: The descriptor, which the caller owns, and the port bound.
    /// - Throws: ``HTTPServerError/Code/startFailed`` naming the address and the system's reason,
    ///   with its `errno` in ``HTTPServerError/errorNumber``.
    static func open(_ address: SocketAddress, display: String) throws(HTTPServerError) -> (fd: Int32, port: Int) {
        let family = address.isIPv6 ? AF_INET6 : AF_INET
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = socket(family, type, 0)
        guard fd >= 0 else {
            throw failure(display, errno)
        }
        do throws(HTTPServerError) {
            try setOption(fd, SOL_SOCKET, SO_REUSEADDR, display)
            if address.isIPv6 {
                try setOption(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, display)
            }
            let bound = address.withSockaddrPointer { bind(fd, $0, address.length) }
            guard bound == 0, listen(fd, SOMAXCONN) == 0 else {
                throw failure(display, errno)
            }
            return (fd, try boundPort(fd, display))
        } catch {
            close(fd)
            throw error
        }
    }

    private static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ display: String)
        throws(HTTPServerError)
    {
        var one: Int32 = 1
        guard setsockopt(fd, level, name, &one, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw failure(display, errno)
        }
    }

    private static func boundPort(_ fd: Int32, _ display: String) throws(HTTPServerError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else {
            throw failure(display, errno)
        }
        return withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { SocketAddress.describe($0).port }
        }
    }

    private static func failure(_ display: String, _ errorNumber: Int32) -> HTTPServerError {
        let reason = strerror(errorNumber).map { String(cString: $0) } ?? "error \(errorNumber)"
        return HTTPServerError(
            code: .startFailed,
            message: "cannot listen on \(display): \(reason)",
            errorNumber: errorNumber
        )
    }
}
