internal import Dispatch
internal import RPCCore
internal import ServiceSupport
internal import Synchronization

extension ServerConnection {
    /// Starts the handler of `call` in its own task; its status comes back to ``finish(_:status:response:)``.
    func run(_ call: ServerCall, request: [UInt8]) {
        dispatchPrecondition(condition: .onQueue(queue))
        let timeout = call.headers.timeout.map { $0 - (ContinuousClock.now - call.receivedAt) }
        let incoming = RPCIncomingCall(
            path: call.headers.path,
            metadata: call.headers.metadata,
            timeout: timeout,
            request: request,
            peer: peer
        )
        call.requestByteCount = request.count
        bufferedRequestBytes += request.count
        if bufferedRequestBytes > configuration.maxBufferedRequestBytes {
            socket.setReadingPaused(true)
        }

        let dispatcher = self.dispatcher
        if call.isStreaming {
            call.task = Task { [self] in
                let status = await dispatcher.handle(incoming) { [self] message in
                    try await write(message, for: call)
                }
                work.async { [self] in finish(call, status: status, response: nil) }
            }
        } else {
            let response = UnaryResponse()
            call.task = Task { [self] in
                let status = await dispatcher.handle(incoming) { message in response.store(message) }
                work.async { [self] in finish(call, status: status, response: response.take()) }
            }
        }
    }

    /// Sends a finished call's response (for unary calls) and trailers in one go, unless the
    /// call was ended already.
    private func finish(_ call: ServerCall, status: RPCStatus, response: [UInt8]?) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard calls[call.streamID] === call else {
            return
        }
        calls[call.streamID] = nil
        release(call)

        var status = status
        let limit = peerMaxFrameSize
        socket.enqueue { encoder in
            if let response, status.code == .ok {
                do {
                    try encoder.appendMessage(response, streamID: call.streamID, maxPayloadLength: limit)
                } catch {
                    status = Self.tooLarge(response.count, limit)
                }
            }
            encoder.appendTrailers(TrailersPayload(status: status), streamID: call.streamID, maxPayloadLength: limit)
        }
        closeIfDrained()
    }

    /// Ends a call now with `status`, cancelling its handler if it runs.
    func end(_ call: ServerCall, _ status: RPCStatus) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard calls.removeValue(forKey: call.streamID) != nil else {
            return
        }
        stop(call)
        socket.enqueue { encoder in
            encoder.appendTrailers(
                TrailersPayload(status: status),
                streamID: call.streamID,
                maxPayloadLength: peerMaxFrameSize
            )
        }
        closeIfDrained()
    }

    /// Cancels the handler of a call already removed from ``calls`` and fails its waiting write.
    func stop(_ call: ServerCall) {
        dispatchPrecondition(condition: .onQueue(queue))
        call.task?.cancel()
        release(call)
        if let index = writeWaiters.firstIndex(where: { $0.call === call }) {
            writeWaiters.remove(at: index).continuation.resume(throwing: CancellationError())
        }
    }

    /// Cancels every call without answering, for a connection that is going away.
    func cancelAllCalls() {
        dispatchPrecondition(condition: .onQueue(queue))
        let open = calls.values
        calls.removeAll()
        for call in open {
            stop(call)
        }
        for waiter in writeWaiters {
            waiter.continuation.resume(throwing: CancellationError())
        }
        writeWaiters.removeAll()
    }

    private func release(_ call: ServerCall) {
        bufferedRequestBytes -= call.requestByteCount
        call.requestByteCount = 0
        if bufferedRequestBytes <= configuration.maxBufferedRequestBytes {
            socket.setReadingPaused(false)
        }
    }

    // MARK: - Streaming responses and backpressure

    /// Sends one response of a streaming call; waits while the connection is backlogged.
    ///
    /// Called from the handler's task. The common case costs one hop to the queue and no
    /// suspension; the bytes count against the high watermark from the moment of the call.
    private func write(_ message: [UInt8], for call: ServerCall) async throws {
        try Task.checkCancellation()
        let pending = pendingWriteBytes.wrappingAdd(message.count, ordering: .relaxed).newValue
        if socket.queuedByteCount + pending <= configuration.outboundHighWatermark {
            work.async { [self] in
                pendingWriteBytes.wrappingSubtract(message.count, ordering: .relaxed)
                enqueue(message, for: call)
            }
            return
        }
        pendingWriteBytes.wrappingSubtract(message.count, ordering: .relaxed)

        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                queue.async { [self] in
                    wait(WriteWaiter(call: call, message: message, continuation: continuation))
                }
            }
        } onCancel: {
            queue.async { [self] in
                if let index = writeWaiters.firstIndex(where: { $0.call === call }) {
                    writeWaiters.remove(at: index).continuation.resume(throwing: CancellationError())
                }
            }
        }
    }

    /// Queues the write now unless the socket is backlogged, in which case a drain callback
    /// will come and ``resumeWriters()`` lets it go.
    private func wait(_ waiter: WriteWaiter) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard calls[waiter.call.streamID] === waiter.call else {
            return waiter.continuation.resume(throwing: CancellationError())
        }
        guard socket.isBacklogged || !writeWaiters.isEmpty else {
            enqueue(waiter.message, for: waiter.call)
            return waiter.continuation.resume()
        }
        writeWaiters.append(waiter)
    }

    /// Lets waiting writes go, oldest first, until the connection is backlogged again.
    func resumeWriters() {
        dispatchPrecondition(condition: .onQueue(queue))
        while !writeWaiters.isEmpty && !socket.isBacklogged {
            let waiter = writeWaiters.removeFirst()
            enqueue(waiter.message, for: waiter.call)
            waiter.continuation.resume()
        }
    }

    private func enqueue(_ message: [UInt8], for call: ServerCall) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard calls[call.streamID] === call else {
            return
        }
        let limit = peerMaxFrameSize
        var fits = true
        socket.enqueue { encoder in
            do {
                try encoder.appendMessage(message, streamID: call.streamID, maxPayloadLength: limit)
            } catch {
                fits = false
            }
        }
        if !fits {
            end(call, Self.tooLarge(message.count, limit))
        }
    }

    private static func tooLarge(_ size: Int, _ limit: Int) -> RPCStatus {
        RPCStatus(
            code: .resourceExhausted,
            message: "response message of \(size) bytes exceeds the client's limit of \(limit) bytes"
        )
    }
}
