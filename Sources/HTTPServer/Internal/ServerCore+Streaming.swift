extension ServerCore {
    /// Queues a response with a streaming body and starts its producer; runs on the
    /// connection's libmicrohttpd thread, in the access handler.
    ///
    /// - Returns: `false` when the connection must be closed.
    func answer(
        _ response: HTTPResponse,
        streaming body: HTTPStreamingBody,
        _ context: RequestContext,
        _ connection: OpaquePointer
    ) -> Bool {
        guard let (status, stream) = ResponseWriter.queue(response, streaming: body, on: connection, core: self) else {
            return false
        }
        context.markAnswered(status)
        if let stream {
            streams.register(stream, for: context)
            stream.start()
        }
        return true
    }
}
