internal import Dispatch
internal import RPCCore
internal import Synchronization

extension ClientChannel {
    /// Makes a unary call on this channel.
    ///
    /// - Throws: ``RPCError``, or ``ChannelRetired`` when the channel could not take the call.
    func unary(_ call: ClientCall) async throws -> [UInt8] {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                work.async { [self] in
                    call.unaryWaiter = continuation
                    start(call)
                }
            }
        } onCancel: {
            work.async { [self] in cancel(call, RPCError(code: .cancelled, message: "the call was cancelled")) }
        }
    }

    /// Waits for the next response of a streaming call, starting the call on first use.
    ///
    /// - Returns: The next message, or `nil` once the server ended the call with `OK`.
    /// - Throws: ``RPCError``, or ``ChannelRetired`` when the channel could not take the call.
    func next(_ call: ClientCall) async throws -> [UInt8]? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                work.async { [self] in
                    call.streamWaiter = continuation
                    if call.stage == .new {
                        start(call)
                    } else {
                        deliver(call)
                    }
                }
            }
        } onCancel: {
            work.async { [self] in cancel(call, RPCError(code: .cancelled, message: "the call was cancelled")) }
        }
    }

    /// Stops a call: removes it, tells the server with CANCEL if it was sent, and fails it.
    func cancel(_ call: ClientCall, _ error: RPCError) {
        dispatchPrecondition(condition: .onQueue(queue))
        switch call.stage {
        case .new:
            call.earlyFailure = error
        case .waiting:
            waiting.removeAll { $0 === call }
            finish(call, .failure(error))
        case .sent:
            calls[call.streamID] = nil
            socket?.enqueue { $0.appendCancel(CancelPayload(code: error.code), streamID: call.streamID) }
            finish(call, .failure(error))
        case .ended:
            return
        }
    }

    /// Ends a call with `outcome` and wakes whoever waits for it.
    ///
    /// - Parameter keepingMessages: Whether a stream's consumer still gets the responses that
    ///   arrived before a failure. True for the server's own final status, which comes after
    ///   every message it sent; false for a cancellation, a deadline or a lost connection, where
    ///   the consumer gets the error next.
    func finish(_ call: ClientCall, _ outcome: Result<Void, any Error>, keepingMessages: Bool = false) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard call.stage != .ended else {
            return
        }
        call.stage = .ended
        call.outcome = outcome
        if case .failure = outcome, !keepingMessages {
            releaseBuffered(call.dropMessages())
        }
        deliver(call)
    }

    /// Sends a call that waited for the handshake, or one made on a ready channel.
    func send(_ call: ClientCall) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let socket, phase == .ready, nextStreamID < UInt32.max else {
            if phase == .ready {
                phase = .draining
                retire()
            }
            return finish(call, .failure(ChannelRetired()))
        }
        var timeout: UInt32 = 0
        if let deadline = call.deadline {
            let remaining = deadline - .now
            guard remaining > .zero else {
                return finish(call, .failure(Self.deadlineExceeded))
            }
            timeout = HeadersPayload.milliseconds(for: remaining)
        }
        let limit = serverMaxFrameSize
        guard call.request.count <= limit else {
            let message = "request message of \(call.request.count) bytes exceeds the server's limit of \(limit) bytes"
            return finish(call, .failure(RPCError(code: .resourceExhausted, message: message)))
        }

        let streamID = nextStreamID
        let headers = HeadersPayload(path: call.path, timeoutMilliseconds: timeout, metadata: call.metadata)
        var failure: FramingError?
        socket.enqueue { encoder in
            do throws(FramingError) {
                try encoder.appendHeaders(headers, streamID: streamID, maxPayloadLength: limit)
                try encoder.appendMessage(call.request, streamID: streamID, endStream: true, maxPayloadLength: limit)
            } catch {
                failure = error
            }
        }
        if let failure {
            let code: RPCStatusCode = failure.code == .oversizedFrame ? .resourceExhausted : .invalidArgument
            return finish(call, .failure(RPCError(code: code, message: "cannot send the call: \(failure.message)")))
        }
        nextStreamID += 1
        call.streamID = streamID
        call.stage = .sent
        calls[streamID] = call
    }

    /// Hands the waiting caller its response, next message or outcome, if there is one yet.
    func deliver(_ call: ClientCall) {
        dispatchPrecondition(condition: .onQueue(queue))
        if let waiter = call.unaryWaiter, let outcome = call.outcome {
            call.unaryWaiter = nil
            switch outcome {
            case .success:
                guard let response = call.response else {
                    let error = RPCError(
                        code: .internalError,
                        message: "the server ended a unary call without a response"
                    )
                    return waiter.resume(throwing: error)
                }
                waiter.resume(returning: response)
            case .failure(let error):
                waiter.resume(throwing: error)
            }
        }
        guard let waiter = call.streamWaiter else {
            return
        }
        if let message = call.popMessage() {
            call.streamWaiter = nil
            releaseBuffered(message.count)
            waiter.resume(returning: message)
        } else if let outcome = call.outcome {
            call.streamWaiter = nil
            call.outcome = .success(())
            waiter.resume(with: outcome.map { nil })
        }
    }

    /// Accounts for response bytes a stream consumer took or that were dropped, and reads
    /// again once the buffer is half empty.
    func releaseBuffered(_ count: Int) {
        bufferedResponseBytes -= count
        if readingPaused && bufferedResponseBytes <= configuration.maxBufferedResponseBytes / 2 {
            readingPaused = false
            socket?.setReadingPaused(false)
        }
    }

    /// Sends a PING and waits for its ACK.
    func ping(timeout: Duration) async throws -> Duration {
        let data = nextPingData.wrappingAdd(1, ordering: .relaxed).oldValue
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                queue.async { [self] in
                    guard phase != .closed, phase != .draining else {
                        return continuation.resume(throwing: setupFailure ?? ChannelRetired())
                    }
                    pings[data] = PingWaiter(sentAt: nil, continuation: continuation)
                    if phase == .ready {
                        sendPing(data)
                    }
                    queue.asyncAfter(deadline: .after(timeout)) { [self] in
                        let message = "no answer to PING from \(address) within \(timeout)"
                        pings.removeValue(forKey: data)?.continuation.resume(
                            throwing: RPCError(code: .deadlineExceeded, message: message)
                        )
                    }
                }
            }
        } onCancel: {
            queue.async { [self] in
                pings.removeValue(forKey: data)?.continuation.resume(
                    throwing: RPCError(code: .cancelled, message: "the ping was cancelled")
                )
            }
        }
    }

    func sendPing(_ data: UInt64) {
        dispatchPrecondition(condition: .onQueue(queue))
        pings[data]?.sentAt = .now
        socket?.enqueue { $0.appendPing(PingPayload(data: data)) }
    }

    /// Fails every call and ping, for a connection that has ended.
    func failAll(_ error: RPCError) {
        dispatchPrecondition(condition: .onQueue(queue))
        let open = waiting + calls.keys.sorted().compactMap { calls[$0] }
        waiting = []
        calls = [:]
        for call in open {
            finish(call, .failure(error))
        }
        let waiters = pings.values
        pings = [:]
        for waiter in waiters {
            waiter.continuation.resume(throwing: error)
        }
    }

    // MARK: - Deadlines

    private func start(_ call: ClientCall) {
        if let early = call.earlyFailure {
            return finish(call, .failure(early))
        }
        switch phase {
        case .connecting, .handshaking:
            call.stage = .waiting
            waiting.append(call)
            track(call)
        case .ready:
            track(call)
            send(call)
        case .draining, .closed:
            finish(call, .failure(setupFailure ?? ChannelRetired()))
        }
    }

    private func track(_ call: ClientCall) {
        guard let deadline = call.deadline else {
            return
        }
        if deadlines.count > 64 && deadlines.count > 2 * (calls.count + waiting.count) {
            deadlines.compact { $0.stage != .ended }
        }
        deadlines.insert(call, deadline: deadline)
        if timerDeadline.map({ deadline < $0 }) ?? true {
            scheduleTimer()
        }
    }

    private func scheduleTimer() {
        timerDeadline = deadlines.earliest
        guard let earliest = deadlines.earliest else {
            return
        }
        deadlineTimer.schedule(deadline: .after(earliest - .now), leeway: .milliseconds(1))
    }

    /// Fails every call whose deadline passed, with CANCEL to the server for those sent.
    func expireDeadlines() {
        dispatchPrecondition(condition: .onQueue(queue))
        for call in deadlines.popExpired(at: .now) where call.stage != .ended {
            cancel(call, Self.deadlineExceeded)
        }
        scheduleTimer()
    }

    static let deadlineExceeded = RPCError(
        code: .deadlineExceeded,
        message: "the call's deadline passed before the server answered"
    )
}
