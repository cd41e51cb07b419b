internal import CMicroHTTPD
internal import Glibc
internal import Synchronization

/// The running daemon as the TLS front sees it: connections are handed over only while it
/// runs, never during or after `MHD_stop_daemon`.
final class DaemonSlot: Sendable {
    private struct Pointer: @unchecked Sendable {
        // @unchecked Sendable: MHD_add_connection may be called from any thread while the
        // daemon runs; the mutex keeps it from overlapping the stop.
        let value: OpaquePointer
    }

    private let daemon = Mutex<Pointer?>(nil)

    /// Makes `daemon` the one connections go to.
    func fill(_ daemon: OpaquePointer) {
        self.daemon.withLock { $0 = Pointer(value: daemon) }
    }

    /// Takes no more connections; returns once no hand-over is in progress.
    func empty() {
        daemon.withLock { $0 = nil }
    }

    /// Gives the daemon a connected plaintext socket and the client's address.
    ///
    /// - Returns: Whether the daemon took it; the socket is closed either way (by
    ///   libmicrohttpd when it refuses, here when no daemon runs).
    func handOver(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Bool {
        daemon.withLock { daemon in
            guard let daemon else {
                Glibc.close(fd)
                return false
            }
            return MHD_add_connection(daemon.value, fd, address, length) == .YES
        }
    }
}
