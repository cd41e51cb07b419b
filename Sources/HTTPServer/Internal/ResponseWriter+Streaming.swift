internal import CMicroHTTPD
internal import ServiceSupport

extension ResponseWriter {
    /// The block size libmicrohttpd is asked to read a streaming body in; it may ask for less.
    private static let streamBlockSize = 16 << 10

    /// Queues `response` with its body read from a new ``ResponseStream``; call only from the
    /// access handler.
    ///
    /// A status outside 100...999 or a header libmicrohttpd refuses gets the client a 500
    /// instead, as for a response in memory.
    ///
    /// - Returns: The status queued and the stream, which the caller starts; the stream is
    ///   `nil` when the 500 went out instead. `nil` when nothing could be queued and the
    ///   connection must be closed.
    static func queue(
        _ response: HTTPResponse,
        streaming body: HTTPStreamingBody,
        on connection: OpaquePointer,
        core: ServerCore
    ) -> (status: HTTPStatus, stream: ResponseStream?)? {
        guard (100...999).contains(response.status.code) else {
            core.logger.debug("http.response.invalid_status", ["http.status": response.status.description])
            return queue(internalError, on: connection, core: core).map { ($0, nil) }
        }
        let stream = ResponseStream(
            body: body,
            connection: ConnectionHandle(pointer: connection),
            socket: CMicroHTTPD_connection_fd(connection),
            logger: core.logger
        )
        // Released by MHDCallbacks.releaseStream once libmicrohttpd is done with the response.
        let context = Unmanaged.passRetained(stream).toOpaque()
        guard
            let mhdResponse = CMicroHTTPD_create_stream_response(
                streamBlockSize,
                MHDCallbacks.readStream,
                context,
                MHDCallbacks.releaseStream
            )
        else {
            Unmanaged<ResponseStream>.fromOpaque(context).release()
            return nil
        }
        defer { MHD_destroy_response(mhdResponse) }

        guard addHeaders(of: response, to: mhdResponse, core: core) else {
            return queue(internalError, on: connection, core: core).map { ($0, nil) }
        }
        guard MHD_queue_response(connection, UInt32(response.status.code), mhdResponse) == .YES else {
            return nil
        }
        return (response.status, stream)
    }
}
