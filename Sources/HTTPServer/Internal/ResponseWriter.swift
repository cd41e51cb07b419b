internal import CMicroHTTPD
internal import ServiceSupport

/// Turns an ``HTTPResponse`` into a libmicrohttpd response and queues it on a connection.
enum ResponseWriter {
    /// Queues `response` on `connection`; call only from the access handler.
    ///
    /// A status outside 100...999 or a header libmicrohttpd refuses (a line break in it, or a
    /// framing header such as `Transfer-Encoding`) is a handler bug: the client gets a 500 and
    /// the log says which header was refused.
    ///
    /// - Returns: The status actually queued, or `nil` when libmicrohttpd could not queue
    ///   anything and the connection must be closed.
    static func queue(_ response: HTTPResponse, on connection: OpaquePointer, core: ServerCore) -> HTTPStatus? {
        guard (100...999).contains(response.status.code) else {
            core.logger.debug("http.response.invalid_status", ["http.status": response.status.description])
            return queue(internalError, on: connection, core: core)
        }
        // MUST_COPY: libmicrohttpd copies the body now, so the array may go away after the call.
        let created = response.body.withUnsafeBytes { body in
            MHD_create_response_from_buffer(
                body.count,
                UnsafeMutableRawPointer(mutating: body.baseAddress),
                .RESPMEM_MUST_COPY
            )
        }
        guard let mhdResponse = created else {
            return nil
        }
        defer { MHD_destroy_response(mhdResponse) }

        guard addHeaders(of: response, to: mhdResponse, core: core) else {
            return response.status == internalError.status ? nil : queue(internalError, on: connection, core: core)
        }
        guard MHD_queue_response(connection, UInt32(response.status.code), mhdResponse) == .YES else {
            return nil
        }
        return response.status
    }

    /// Adds the response's header fields but `Content-Length`, which libmicrohttpd sets.
    ///
    /// - Returns: `false` when libmicrohttpd refused one; the log names it.
    static func addHeaders(of response: HTTPResponse, to mhdResponse: OpaquePointer, core: ServerCore) -> Bool {
        for (name, value) in response.headers where !HTTPHeaders.namesMatch(name, "Content-Length") {
            guard MHD_add_response_header(mhdResponse, name, value) == .YES else {
                core.logger.debug("http.response.header_refused", ["http.header.name": name])
                return false
            }
        }
        return true
    }

    static let internalError = HTTPResponse.text(
        "Internal Server Error: the handler's response could not be sent\n",
        status: .internalServerError
    )
}
