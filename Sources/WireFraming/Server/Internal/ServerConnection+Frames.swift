internal import Dispatch
internal import RPCCore
internal import ServiceSupport

extension ServerConnection {
    /// Acts on one decoded event, enforcing the stream and frame rules of `docs/protocol.md`.
    func receive(_ event: FrameDecoder.Event) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard phase != .closing else {
            return
        }
        lastActivity = .now
        switch event {
        case .preface(let preface):
            receivePreface(preface)
        case .frame(let frame):
            receive(frame)
        case .oversized(let header):
            receiveOversized(header)
        case .unknownType(let header):
            logger.debug("rpc.frame.ignored", ["rpc.frame.type": header.type.description])
        }
    }

    private func receivePreface(_ preface: ConnectionPreface) {
        guard preface.majorVersion == ConnectionPreface.current.majorVersion else {
            let reason =
                "this server speaks TWGW version \(ConnectionPreface.current.majorVersion).x; "
                + "the client offered version \(preface)"
            logger.notice("rpc.connection.protocol_error", ["rpc.code": "FAILED_PRECONDITION", "rpc.reason": reason])
            socket.enqueue { encoder in
                encoder.appendPreface()
                encoder.appendGoAway(GoAwayPayload(lastStreamID: 0, code: .failedPrecondition, message: reason))
            }
            phase = .closing
            socket.closeAfterFlush()
            return
        }
        let settings = SettingsPayload(
            maxFrameSize: UInt32(configuration.maxFrameSize),
            maxConcurrentCalls: UInt32(clamping: configuration.maxConcurrentCallsPerConnection)
        )
        socket.enqueue { encoder in
            encoder.appendPreface()
            encoder.appendSettings(settings)
        }
        handshakeCompleted()
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
        }
        switch frame.type {
        case .headers: receiveHeaders(frame)
        case .message: receiveMessage(frame)
        case .cancel: receiveCancel(frame)
        case .settings: receiveSettings(frame)
        case .ping: receivePing(frame)
        case .goAway: receiveGoAway(frame)
        default: connectionError(.invalidArgument, "\(frame.type) is sent only by servers")
        }
    }

    private func receiveHeaders(_ frame: Frame) {
        guard openStream(frame.streamID) else {
            return
        }
        guard phase == .open else {
            return reject(frame.streamID, .unavailable, "the server is shutting down and takes no new calls", .debug)
        }
        guard calls.count < configuration.maxConcurrentCallsPerConnection else {
            let limit = configuration.maxConcurrentCallsPerConnection
            return reject(
                frame.streamID,
                .resourceExhausted,
                "the connection already runs \(limit) calls, the most the server allows; wait for one to end",
                limit: "max_concurrent_calls_per_connection"
            )
        }
        let headers: HeadersPayload
        do {
            headers = try HeadersPayload(decoding: frame.payload)
        } catch {
            return reject(frame.streamID, .invalidArgument, error.message)
        }
        let isStreaming: Bool
        if case .serverStreaming = dispatcher.router.handler(forPath: headers.path) {
            isStreaming = true
        } else {
            isStreaming = false
        }
        calls[frame.streamID] = ServerCall(
            streamID: frame.streamID,
            headers: headers,
            receivedAt: .now,
            isStreaming: isStreaming
        )
    }

    private func receiveMessage(_ frame: Frame) {
        guard let call = calls[frame.streamID] else {
            return discardOrFail(frame.type, frame.streamID)
        }
        guard call.task == nil else {
            return end(
                call,
                RPCStatus(code: .invalidArgument, message: "a second request message arrived; methods take one")
            )
        }
        guard frame.flags.contains(.endStream) else {
            let message = "client streaming is not supported: send the request as one MESSAGE with END_STREAM"
            return end(call, RPCStatus(code: .unimplemented, message: message))
        }
        run(call, request: frame.payload)
    }

    private func receiveCancel(_ frame: Frame) {
        guard let call = calls.removeValue(forKey: frame.streamID) else {
            return discardOrFail(frame.type, frame.streamID)
        }
        let code = CancelPayload(decoding: frame.payload).code
        logger.debug("rpc.call.cancelled", ["rpc.stream.id": String(frame.streamID), "rpc.code": code.description])
        stop(call)
        closeIfDrained()
    }

    private func receiveSettings(_ frame: Frame) {
        do {
            let settings = try SettingsPayload(decoding: frame.payload)
            if let maxFrameSize = settings.maxFrameSize {
                peerMaxFrameSize = Int(maxFrameSize)
            }
        } catch {
            connectionError(.invalidArgument, error.message)
        }
    }

    private func receivePing(_ frame: Frame) {
        do {
            let ping = try PingPayload(decoding: frame.payload)
            if !frame.flags.contains(.ack) {
                socket.enqueue { $0.appendPing(ping, ack: true) }
            }
        } catch {
            connectionError(.invalidArgument, error.message)
        }
    }

    private func receiveGoAway(_ frame: Frame) {
        do {
            let goAway = try GoAwayPayload(decoding: frame.payload)
            logger.debug(
                "rpc.connection.client_goaway",
                ["rpc.code": goAway.code.description, "rpc.reason": goAway.message]
            )
            if phase == .open {
                phase = .draining
            }
            closeIfDrained()
        } catch {
            connectionError(.invalidArgument, error.message)
        }
    }

    private func receiveOversized(_ header: FrameHeader) {
        let reason = "frame of \(header.payloadLength) bytes exceeds the limit of \(configuration.maxFrameSize) bytes"
        guard header.streamID != 0 else {
            return connectionError(.resourceExhausted, reason, limit: "max_frame_size")
        }
        if header.type == .headers {
            if openStream(header.streamID) {
                reject(header.streamID, .resourceExhausted, reason, limit: "max_frame_size")
            }
        } else if let call = calls[header.streamID] {
            logger.notice(
                "rpc.call.rejected",
                [
                    "rpc.stream.id": String(header.streamID), "rpc.code": RPCStatusCode.resourceExhausted.description,
                    "rpc.reason": reason, "rpc.limit": "max_frame_size",
                ]
            )
            end(call, RPCStatus(code: .resourceExhausted, message: reason))
        } else if header.type.isKnown {
            discardOrFail(header.type, header.streamID)
        }
    }

    /// Applies the rule that each HEADERS opens a stream ID above every earlier one.
    ///
    /// - Returns: Whether the stream may open; if not, the connection is being closed.
    private func openStream(_ streamID: UInt32) -> Bool {
        guard streamID > highestStreamID else {
            connectionError(
                .invalidArgument,
                "HEADERS for stream \(streamID) after stream \(highestStreamID); stream IDs must increase"
            )
            return false
        }
        highestStreamID = streamID
        return true
    }

    /// Drops a frame for a stream that has ended; a stream that never opened is a violation.
    private func discardOrFail(_ type: FrameType, _ streamID: UInt32) {
        if streamID > highestStreamID {
            connectionError(.invalidArgument, "\(type) for stream \(streamID), which was never opened")
        }
    }

    /// Ends a call that never started with trailers carrying `code` and `message`.
    ///
    /// Broken rules and limits log at notice, a limit with its name in `rpc.limit`; refusals
    /// during shutdown at debug.
    private func reject(
        _ streamID: UInt32,
        _ code: RPCStatusCode,
        _ message: String,
        _ level: LogLevel = .notice,
        limit: String? = nil
    ) {
        var fields = ["rpc.stream.id": String(streamID), "rpc.code": code.description, "rpc.reason": message]
        fields["rpc.limit"] = limit
        logger.log(level, "rpc.call.rejected", fields)
        socket.enqueue { encoder in
            encoder.appendTrailers(
                TrailersPayload(status: RPCStatus(code: code, message: message)),
                streamID: streamID,
                maxPayloadLength: peerMaxFrameSize
            )
        }
    }
}
