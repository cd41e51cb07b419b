internal import CMicroHTTPD
internal import ServiceSupport

extension ServerCore {
    /// One access-handler call for `context`; runs on the connection's libmicrohttpd thread.
    ///
    /// - Parameters:
    ///   - chunk: The body bytes of this call; its base address is `nil` when the call carries
    ///     no body data (the head, the end of the body, or the call after a resume).
    /// - Returns: `false` when the connection must be closed.
    func access(
        _ context: RequestContext,
        connection: OpaquePointer,
        path: String,
        method: String,
        chunk: UnsafeRawBufferPointer
    ) -> Bool {
        switch context.phase {
        case .awaitingHead:
            return receiveHead(context, connection: connection, path: path, method: method)
        case .receivingBody, .discardingBody:
            if chunk.baseAddress != nil {
                // Past the limit the rest is still read, and dropped: libmicrohttpd queues a
                // response only once the body has ended, and closing now would leave the
                // client without one.
                if context.receiveBody(chunk, limit: maxBodyBytes) {
                    logBodyTooLarge(peer: context.remoteAddress, path: context.summary.path)
                }
                return true
            }
            return finishBody(context, connection: connection)
        case .ready:
            guard let response = context.takeReadyResponse() else {
                return false
            }
            return answer(response, context, connection)
        case .handling, .answered:
            return true
        }
    }

    /// Logs the request's line (phone numbers in the path masked, such as the sandbox inbox's)
    /// and releases its place among the active requests.
    func completed(_ context: RequestContext, outcome: String) {
        context.markFinished()
        streams.requestCompleted(context)
        requestFinished()
        guard logger.minimumLevel <= .debug else {
            return
        }
        let summary = context.summary
        logger.debug(
            "http.request.finished",
            [
                "http.method": summary.method,
                "http.path": Redaction.phoneNumbers(in: summary.path),
                "http.status": summary.status?.description ?? "none",
                "http.duration_ms": (ContinuousClock.now - context.startedAt).millisecondsText,
                "http.outcome": outcome,
            ]
        )
    }

    private func receiveHead(_ context: RequestContext, connection: OpaquePointer, path: String, method: String) -> Bool
    {
        var headers = HTTPHeaders()
        let count = withUnsafeMutablePointer(to: &headers) { pointer in
            MHD_get_connection_values_n(connection, .HEADER_KIND, MHDCallbacks.collectHeader, pointer)
        }
        guard count >= 0 else {
            return false
        }
        // The head is complete: from now on the connection may be silent as long as any other.
        if let timeout = connectionTimeoutAfterHead, CMicroHTTPD_set_connection_timeout(connection, timeout) == 0 {
            logger.debug("http.connection.timeout_unchanged", ["http.timeout_s": String(timeout)])
        }
        let peer = SocketAddress.describe(CMicroHTTPD_client_address(connection))
        let query = context.rawTarget.firstIndex(of: "?").map { String(context.rawTarget[$0...].dropFirst()) } ?? ""
        let head = RequestContext.Head(
            method: HTTPMethod(rawValue: method),
            path: path,
            query: query,
            headers: headers,
            remoteAddress: peer.host,
            remotePort: peer.port
        )
        context.receiveHead(head)

        if let declared = headers["Content-Length"].flatMap({ UInt64($0) }), declared > UInt64(maxBodyBytes) {
            watchdog?.received(connection)
            logBodyTooLarge(peer: peer.host, path: path)
            return answer(Self.contentTooLarge(maxBodyBytes), context, connection)
        }
        return true
    }

    private func finishBody(_ context: RequestContext, connection: OpaquePointer) -> Bool {
        watchdog?.received(connection)
        guard let request = context.completeRequest() else {
            return answer(Self.contentTooLarge(maxBodyBytes), context, connection)
        }
        guard suspend(context, ConnectionHandle(pointer: connection)) else {
            let response = HTTPResponse.text(
                "Service Unavailable: the server is stopping\n",
                status: .serviceUnavailable
            )
            return answer(response, context, connection)
        }
        let handler = self.handler
        Task {
            let response = await handler(request)
            if context.finishHandling(with: response) {
                self.resumed(context)
            }
        }
        return true
    }

    private func answer(_ response: HTTPResponse, _ context: RequestContext, _ connection: OpaquePointer) -> Bool {
        if let body = response.streamingBody {
            return answer(response, streaming: body, context, connection)
        }
        guard let status = ResponseWriter.queue(response, on: connection, core: self) else {
            return false
        }
        context.markAnswered(status)
        return true
    }

    /// The one log line of a body over the limit.
    private func logBodyTooLarge(peer: String, path: String) {
        logger.notice(
            "http.request.body_too_large",
            [
                "http.limit": "max_body_bytes", "http.limit.bytes": String(maxBodyBytes), "http.peer": peer,
                "http.path": Redaction.phoneNumbers(in: path),
            ]
        )
    }

    /// The answer to a body over the limit; it closes the connection, since a client that sent
    /// (or announced) a body that size is not worth keeping.
    private static func contentTooLarge(_ limit: Int) -> HTTPResponse {
        var response = HTTPResponse.text(
            "Content Too Large: the request body may hold at most \(limit) bytes\n",
            status: .contentTooLarge
        )
        response.headers.add(name: "Connection", value: "close")
        return response
    }
}
