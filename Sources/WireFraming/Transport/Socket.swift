internal import Glibc

/// Thin wrappers over the POSIX socket calls, for non-blocking TCP sockets.
///
/// Every call's return code is checked; `EINTR` is retried. Writes use `MSG_NOSIGNAL`, so a
/// peer that has gone away yields `EPIPE` instead of killing the process with `SIGPIPE`.
enum Socket {
    /// The outcome of a non-blocking read or write.
    enum IOResult {
        /// This many bytes moved (more than zero).
        case bytes(Int)
        /// Nothing can move now; wait for the descriptor to be ready.
        case wouldBlock
        /// The peer closed its side (reads only).
        case endOfInput
        /// The call failed, typically `ECONNRESET` or `EPIPE`.
        case failed(SystemCallError)
    }

    /// Creates a listening socket bound to the first address `host` resolves to.
    ///
    /// - Returns: The descriptor and the bound address (with the port the system chose for 0).
    /// - Throws: ``TransportError`` naming the call that failed.
    static func listen(host: String, port: Int, backlog: Int32) throws(TransportError) -> (Int32, SocketAddress) {
        let addresses = try SocketAddress.resolve(host: host, port: port, passive: true)
        guard let address = addresses.first else {
            throw TransportError(code: .invalidAddress, message: "\(host) resolves to no address")
        }
        let fd = try makeSocket(family: address.family)
        do {
            var one: Int32 = 1
            try check(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size)), "setsockopt")
            try check(address.withSockAddr { bind(fd, $0, $1) }, "bind(\(address.description))")
            try check(Glibc.listen(fd, backlog), "listen")
            return (fd, try localAddress(fd))
        } catch {
            close(fd)
            throw error
        }
    }

    /// Starts a non-blocking connect.
    ///
    /// - Returns: The descriptor, and whether the connection is already made (otherwise wait
    ///   for it to become writable and call ``pendingError(_:)``).
    static func startConnect(to address: SocketAddress) -> Result<(Int32, Bool), SystemCallError> {
        let fd: Int32
        do {
            fd = try makeSocket(family: address.family)
        } catch {
            return .failure(SystemCallError(function: "socket", errorNumber: errno))
        }
        while true {
            if address.withSockAddr({ connect(fd, $0, $1) }) == 0 {
                return .success((fd, true))
            }
            switch errno {
            case EINTR:
                continue
            case EINPROGRESS:
                return .success((fd, false))
            default:
                let error = SystemCallError(function: "connect", errorNumber: errno)
                close(fd)
                return .failure(error)
            }
        }
    }

    /// The result of a finished non-blocking connect: 0, or the `errno` it failed with.
    static func pendingError(_ fd: Int32) -> Int32 {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &value, &length) == 0 else {
            return errno
        }
        return value
    }

    /// Accepts one connection, made non-blocking and close-on-exec with `TCP_NODELAY` set.
    ///
    /// - Returns: The descriptor and the peer's address, or `nil` when none is waiting.
    static func accept(_ listener: Int32) -> Result<(Int32, SocketAddress)?, SystemCallError> {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        while true {
            let fd = withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.accept(listener, $0, &length)
                }
            }
            if fd >= 0 {
                guard makeNonBlocking(fd) else {
                    let error = SystemCallError(function: "fcntl", errorNumber: errno)
                    close(fd)
                    return .failure(error)
                }
                setNoDelay(fd)
                let address = withUnsafePointer(to: &storage) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        SocketAddress(copying: $0, length: length)
                    }
                }
                return .success((fd, address))
            }
            switch errno {
            case EINTR, ECONNABORTED:
                continue
            case EAGAIN, EWOULDBLOCK:
                return .success(nil)
            default:
                return .failure(SystemCallError(function: "accept4", errorNumber: errno))
            }
        }
    }

    /// Reads into `buffer`.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        while true {
            let count = recv(fd, buffer.baseAddress, buffer.count, 0)
            if count > 0 {
                return .bytes(count)
            }
            if count == 0 {
                return .endOfInput
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                return .wouldBlock
            default:
                return .failed(SystemCallError(function: "recv", errorNumber: errno))
            }
        }
    }

    /// Writes as much of `bytes` as the socket takes now.
    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> IOResult {
        while true {
            let count = send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if count >= 0 {
                return count == 0 ? .wouldBlock : .bytes(count)
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                return .wouldBlock
            default:
                return .failed(SystemCallError(function: "send", errorNumber: errno))
            }
        }
    }

    /// Closes the sending side, so the peer reads end-of-input after the bytes already sent.
    ///
    /// `ENOTCONN` (the peer is gone already) is ignored: the socket is closed right after.
    static func shutdownWrite(_ fd: Int32) {
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    /// Closes a descriptor; `EINTR` is not retried, as Linux releases the descriptor anyway.
    static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }

    /// The address at the other end of `fd`, or `nil` when it is not connected.
    static func peerAddress(_ fd: Int32) -> SocketAddress? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &length) }
        }
        guard result == 0 else {
            return nil
        }
        return withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { SocketAddress(copying: $0, length: length) }
        }
    }

    /// Sets `O_NONBLOCK` and `FD_CLOEXEC` (`accept4` is not visible through the Glibc module).
    private static func makeNonBlocking(_ fd: Int32) -> Bool {
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else {
            return false
        }
        return fcntl(fd, F_SETFD, FD_CLOEXEC) == 0
    }

    private static func makeSocket(family: Int32) throws(TransportError) -> Int32 {
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = socket(family, type, 0)
        guard fd >= 0 else {
            let errorNumber = errno
            throw TransportError(
                code: .systemCallFailed,
                message: SystemCallError(function: "socket", errorNumber: errorNumber).description,
                errorNumber: errorNumber
            )
        }
        setNoDelay(fd)
        return fd
    }

    /// Turns off Nagle's algorithm: frames are batched by the writer already, and a small
    /// unary response must not wait for an acknowledgement. Failure only costs latency.
    private static func setNoDelay(_ fd: Int32) {
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    private static func localAddress(_ fd: Int32) throws(TransportError) -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        try check(result, "getsockname")
        return withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { SocketAddress(copying: $0, length: length) }
        }
    }

    private static func check(_ result: Int32, _ function: String) throws(TransportError) {
        guard result == 0 else {
            let errorNumber = errno
            throw TransportError(
                code: .systemCallFailed,
                message: SystemCallError(function: function, errorNumber: errorNumber).description,
                errorNumber: errorNumber
            )
        }
    }
}
