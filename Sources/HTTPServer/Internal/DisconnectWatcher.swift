internal import CMicroHTTPD
internal import Glibc
internal import Synchronization

/// Tells streaming responses when their client hangs up, on a thread of its own.
///
/// libmicrohttpd does not watch a suspended connection's socket, and a streaming response's
/// connection is suspended whenever its producer has nothing to send. So each stream's
/// socket is added to an epoll set (edge-triggered, for `EPOLLRDHUP`, `EPOLLHUP` and
/// `EPOLLERR`) for the stream's life, and a hang-up closes the stream, which cancels its
/// producer and resumes the connection so that libmicrohttpd closes it.
///
/// A socket is removed from the set in the request-completed callback, while libmicrohttpd
/// still has it open, so the set never holds a reused descriptor. Events name the watch by
/// number; an event for a watch already removed is ignored. A client that only shuts down its
/// sending side looks the same as one that left.
final class DisconnectWatcher: Sendable {
    private let epoll: Int32
    private let wakeup: Int32
    private let watched = Mutex<[UInt64: ResponseStream]>([:])
    private let nextID = Atomic<UInt64>(1)
    private let thread = Mutex<pthread_t?>(nil)

    /// The event data that means "stop".
    private static let stopID: UInt64 = 0

    /// Creates the epoll set and starts the thread.
    ///
    /// - Throws: ``HTTPServerError`` with code `startFailed` naming the call that failed.
    init() throws(HTTPServerError) {
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epoll >= 0 else {
            throw Self.failure("epoll_create1")
        }
        wakeup = eventfd(0, Int32(EFD_CLOEXEC))
        guard wakeup >= 0 else {
            let error = Self.failure("eventfd")
            close(epoll)
            throw error
        }
        var event = epoll_event(events: EPOLLIN.rawValue, data: epoll_data_t(u64: Self.stopID))
        guard epoll_ctl(epoll, EPOLL_CTL_ADD, wakeup, &event) == 0 else {
            let error = Self.failure("epoll_ctl")
            close(wakeup)
            close(epoll)
            throw error
        }
        try startThread()
    }

    /// Watches the socket of `stream`.
    ///
    /// - Returns: The watch's number for ``unwatch(_:socket:)``, or `nil` when the socket cannot
    ///   be watched (the hang-up is then noticed at the next write that fails).
    func watch(_ stream: ResponseStream) -> UInt64? {
        guard stream.socket >= 0 else {
            return nil
        }
        let id = nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        watched.withLock { $0[id] = stream }
        let interest = EPOLLRDHUP.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue | EPOLLET.rawValue
        var event = epoll_event(events: interest, data: epoll_data_t(u64: id))
        guard epoll_ctl(epoll, EPOLL_CTL_ADD, stream.socket, &event) == 0 else {
            _ = watched.withLock { $0.removeValue(forKey: id) }
            return nil
        }
        return id
    }

    /// Stops watching; call while libmicrohttpd still has the socket open.
    func unwatch(_ id: UInt64, socket: Int32) {
        _ = watched.withLock { $0.removeValue(forKey: id) }
        // ENOENT or EBADF would mean the socket left the set already; there is nothing to undo.
        _ = epoll_ctl(epoll, EPOLL_CTL_DEL, socket, nil)
    }

    /// Stops the thread and closes the epoll set; call once, after libmicrohttpd has stopped.
    func stop() {
        var one: UInt64 = 1
        let written = write(wakeup, &one, MemoryLayout<UInt64>.size)
        precondition(written == MemoryLayout<UInt64>.size, "writing to the watcher's eventfd failed: errno \(errno)")
        if let thread = thread.withLock({ $0.take() }) {
            let joined = pthread_join(thread, nil)
            precondition(joined == 0, "pthread_join of the disconnect watcher failed: \(joined)")
        }
        close(wakeup)
        close(epoll)
    }

    private func startThread() throws(HTTPServerError) {
        // Taken back once by the thread's entry point.
        let context = Unmanaged.passRetained(self).toOpaque()
        var handle = pthread_t()
        let created = pthread_create(
            &handle,
            nil,
            { context in
                let watcher = Unmanaged<DisconnectWatcher>.fromOpaque(context!).takeRetainedValue()
                watcher.run()
                return nil
            },
            context
        )
        guard created == 0 else {
            Unmanaged<DisconnectWatcher>.fromOpaque(context).release()
            close(wakeup)
            close(epoll)
            throw HTTPServerError(
                code: .startFailed,
                message: "HTTPServer could not start its disconnect watcher: pthread_create failed with \(created)"
            )
        }
        thread.withLock { $0 = handle }
    }

    private func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 32)
        while true {
            let count = epoll_wait(epoll, &events, Int32(events.count), -1)
            if count < 0 {
                precondition(errno == EINTR, "epoll_wait of the disconnect watcher failed: errno \(errno)")
                continue
            }
            for event in events.prefix(Int(count)) {
                let id = event.data.u64
                if id == Self.stopID {
                    return
                }
                watched.withLock { $0.removeValue(forKey: id) }?.close()
            }
        }
    }

    private static func failure(_ function: String) -> HTTPServerError {
        HTTPServerError(
            code: .startFailed,
            message: "HTTPServer could not start its disconnect watcher: \(function) failed with errno \(errno)"
        )
    }
}
