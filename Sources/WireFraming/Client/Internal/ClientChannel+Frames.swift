internal import Dispatch
internal import RPCCore
internal import ServiceSupport

extension ClientChannel {
    /// Acts on one decoded event from the server.
    func receive(_ event: FrameDecoder.Event) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard phase != .closed else {
            return
        }
        switch event {
        case .preface(let preface):
            receivedServerPreface = true
            guard preface.majorVersion == ConnectionPreface.current.majorVersion else {
                let message = "the server at \(address) speaks TWGW version \(preface), not 1.x"
                return fail(RPCError(code: .failedPrecondition, message: message))
            }
        case .frame(let frame):
            receive(frame)
        case .oversized(let header):
            receiveOversized(header)
        case .unknownType:
            return
        }
    }

    private func receive(_ frame: Frame) {
        if frame.type.isConnectionLevel {
            guard frame.streamID == 0 else {
                return connectionError(
                    .invalidArgument,
                    "\(frame.type) must be sent on stream 0, not \(frame.streamID)"
                )
            }
        } else if frame.streamID == 0 {
            return connectionError(.invalidArgument, "\(frame.type) needs a call's stream ID, not stream 0")
        } else if phase == .handshaking {
            return connectionError(.invalidArgument, "\(frame.type) arrived before SETTINGS")
        }
        switch frame.type {
        case .settings: receiveSettings(frame)
        case .message: receiveMessage(frame)
        case .trailers: receiveTrailers(frame)
        case .ping: receivePing(frame)
        case .goAway: receiveGoAway(frame)
        default: connectionError(.invalidArgument, "\(frame.type) is sent only by clients")
        }
    }

    private func receiveSettings(_ frame: Frame) {
        let settings: SettingsPayload
        do {
            settings = try SettingsPayload(decoding: frame.payload)
        } catch {
            return connectionError(.invalidArgument, error.message)
        }
        if let maxFrameSize = settings.maxFrameSize {
            serverMaxFrameSize = Int(maxFrameSize)
        }
        if phase == .handshaking {
            becomeReady()
        }
    }

    private func receiveMessage(_ frame: Frame) {
        guard let call = calls[frame.streamID] else {
            return discardOrFail(frame.type, frame.streamID)
        }
        guard call.isStreaming else {
            guard call.response == nil else {
                let error = RPCError(code: .internalError, message: "the server sent two responses to a unary call")
                return cancel(call, error)
            }
            call.response = frame.payload
            return
        }
        call.messages.append(frame.payload)
        call.bufferedBytes += frame.payload.count
        bufferedResponseBytes += frame.payload.count
        if !readingPaused && bufferedResponseBytes > configuration.maxBufferedResponseBytes {
            readingPaused = true
            socket?.setReadingPaused(true)
        }
        deliver(call)
    }

    private func receiveTrailers(_ frame: Frame) {
        guard let call = calls.removeValue(forKey: frame.streamID) else {
            return discardOrFail(frame.type, frame.streamID)
        }
        do {
            let status = try TrailersPayload(decoding: frame.payload).status
            finish(call, status.error.map { .failure($0) } ?? .success(()), keepingMessages: true)
        } catch {
            finish(call, .failure(RPCError(code: .internalError, message: "the server sent \(error.message)")))
        }
        closeIfDrained()
    }

    private func receivePing(_ frame: Frame) {
        let ping: PingPayload
        do {
            ping = try PingPayload(decoding: frame.payload)
        } catch {
            return connectionError(.invalidArgument, error.message)
        }
        guard frame.flags.contains(.ack) else {
            socket?.enqueue { $0.appendPing(ping, ack: true) }
            return
        }
        guard let waiter = pings[ping.data], let sentAt = waiter.sentAt else {
            return
        }
        pings[ping.data] = nil
        waiter.continuation.resume(returning: .now - sentAt)
    }

    private func receiveGoAway(_ frame: Frame) {
        let goAway: GoAwayPayload
        do {
            goAway = try GoAwayPayload(decoding: frame.payload)
        } catch {
            return connectionError(.invalidArgument, error.message)
        }
        logger.debug("rpc.client.goaway", ["rpc.code": goAway.code.description, "rpc.reason": goAway.message])
        let code: RPCStatusCode = goAway.code == .ok ? .unavailable : goAway.code
        let error = RPCError(code: code, message: "the server at \(address) did not take the call: \(goAway.message)")
        guard phase != .handshaking else {
            return fail(error)
        }
        let unprocessed = waiting + calls.values.filter { $0.streamID > goAway.lastStreamID }
        waiting = []
        for call in unprocessed {
            calls[call.streamID] = nil
            finish(call, .failure(error))
        }
        if phase != .closed {
            phase = .draining
        }
        retire()
        closeIfDrained()
    }

    private func receiveOversized(_ header: FrameHeader) {
        let reason = "frame of \(header.payloadLength) bytes exceeds the limit of \(configuration.maxFrameSize) bytes"
        guard header.streamID != 0 else {
            return connectionError(.resourceExhausted, reason)
        }
        if let call = calls[header.streamID] {
            cancel(call, RPCError(code: .resourceExhausted, message: "the server sent a \(reason)"))
        } else if header.type.isKnown {
            discardOrFail(header.type, header.streamID)
        }
    }

    /// Drops a frame for a call that has ended; a stream never opened is a violation.
    private func discardOrFail(_ type: FrameType, _ streamID: UInt32) {
        if streamID >= nextStreamID {
            connectionError(.invalidArgument, "\(type) for stream \(streamID), which was never opened")
        }
    }

    /// Closes a draining channel once its last call has ended.
    private func closeIfDrained() {
        guard phase == .draining, calls.isEmpty else {
            return
        }
        phase = .closed
        failAll(RPCError(code: .unavailable, message: "connection to \(address) closed"))
        deadlineTimer.cancel()
        socket?.closeAfterFlush()
    }
}
