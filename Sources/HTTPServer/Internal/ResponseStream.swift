internal import CMicroHTTPD
internal import ServiceSupport
internal import Synchronization

/// One streaming response: its ``StreamBuffer``, the task running its producer, and its
/// connection.
///
/// Ownership: the libmicrohttpd response holds one retain (`Unmanaged.passRetained` when it
/// is created, released by its free callback), the ``StreamRegistry`` holds it until the
/// request completes, and the producer's task holds it through its ``HTTPBodyWriter``.
///
/// Suspending and resuming: only the content reader suspends the connection, under the lock
/// and only when the buffer says so; the one call that then learns the connection must be
/// resumed (a write, the producer's end, the server's stop, or a hang-up) resumes it after
/// the lock. A suspended connection stays alive until it is resumed, so the pointer is valid
/// for that call, and libmicrohttpd cannot complete the request meanwhile.
final class ResponseStream: Sendable {
    private struct State {
        var buffer: StreamBuffer
        var waiters: [UInt64: CheckedContinuation<Void, any Error>] = [:]
        var nextWaiter: UInt64 = 0
        var producer: HTTPStreamingBody.Producer?
        var task: Task<Void, Never>?
        var cancelled = false

        mutating func takeWaiters() -> [CheckedContinuation<Void, any Error>] {
            defer { waiters = [:] }
            return Array(waiters.values)
        }
    }

    /// The connection the response goes out on.
    let connection: ConnectionHandle
    /// The connection's socket, or -1 when libmicrohttpd did not tell.
    let socket: Int32
    private let logger: Logger
    private let state: Mutex<State>

    init(body: HTTPStreamingBody, connection: ConnectionHandle, socket: Int32, logger: Logger) {
        self.connection = connection
        self.socket = socket
        self.logger = logger
        self.state = Mutex(State(buffer: StreamBuffer(capacity: body.bufferSize), producer: body.produce))
    }

    /// Starts the producer on a task of its own; call once, after the response was queued.
    func start() {
        guard let producer = state.withLock({ $0.producer.take() }) else {
            return
        }
        let task = Task { await self.run(producer) }
        let cancel = state.withLock { state -> Bool in
            state.task = task
            return state.cancelled
        }
        if cancel {
            task.cancel()
        }
    }

    /// Buffers `bytes`, first waiting while the buffer is full.
    func write(_ bytes: [UInt8]) async throws {
        guard !bytes.isEmpty else {
            return
        }
        while true {
            let step = state.withLock { $0.buffer.write(bytes) }
            switch step {
            case .written(let resume):
                if resume {
                    MHD_resume_connection(connection.pointer)
                }
                return
            case .closed:
                throw HTTPServerError(
                    code: .streamClosed,
                    message: "The response body takes no more bytes: the client disconnected, the server is "
                        + "stopping, or the producer already returned"
                )
            case .full:
                try await waitForRoom()
            }
        }
    }

    /// One content reader call, on the connection's libmicrohttpd thread.
    ///
    /// - Returns: The byte count, 0 after suspending the connection, or one of libmicrohttpd's
    ///   end codes.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let (step, ready) = state.withLock { state -> (StreamBuffer.ReadStep, [CheckedContinuation<Void, any Error>]) in
            let step = state.buffer.read(into: buffer)
            if step == .suspend {
                MHD_suspend_connection(connection.pointer)
            }
            return (step, state.buffer.hasRoomOrIsOver ? state.takeWaiters() : [])
        }
        for waiter in ready {
            waiter.resume()
        }
        switch step {
        case .bytes(let count): return count
        case .suspend: return 0
        case .endOfStream: return CMicroHTTPD_content_reader_end_of_stream
        case .endWithError: return CMicroHTTPD_content_reader_end_with_error
        }
    }

    /// Ends the body after what was written and cancels the producer, as the server stops.
    func end() {
        settle { $0.end() }
    }

    /// Sends nothing more and cancels the producer: the client hung up, or the request completed.
    func close() {
        settle { $0.close() }
    }

    private func run(_ producer: HTTPStreamingBody.Producer) async {
        var failed = false
        do {
            try await producer(HTTPBodyWriter(stream: self))
        } catch let error as HTTPServerError where error.code == .streamClosed {
            // The body was over before the producer noticed; nothing went wrong on its side.
        } catch {
            failed = !Task.isCancelled
            if failed {
                logger.debug("http.stream.producer_failed", ["error.type": String(describing: type(of: error))])
            }
        }
        let resume = state.withLock { $0.buffer.finishProducing(failed: failed) }
        if resume {
            MHD_resume_connection(connection.pointer)
        }
    }

    /// Applies an ending to the buffer, then resumes the connection, wakes the writers and
    /// cancels the producer.
    private func settle(_ ending: (inout StreamBuffer) -> Bool) {
        let (resume, ready, task) = state.withLock { state in
            state.cancelled = true
            return (ending(&state.buffer), state.takeWaiters(), state.task)
        }
        if resume {
            MHD_resume_connection(connection.pointer)
        }
        for waiter in ready {
            waiter.resume()
        }
        task?.cancel()
    }

    /// Returns once the buffer has room or the body is over, to retry the write.
    private func waitForRoom() async throws {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let waiting = state.withLock { state -> Bool in
                    guard !Task.isCancelled, !state.buffer.hasRoomOrIsOver else {
                        return false
                    }
                    state.waiters[id] = continuation
                    return true
                }
                if !waiting {
                    continuation.resume()
                }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume(throwing: CancellationError())
        }
        try Task.checkCancellation()
    }
}
