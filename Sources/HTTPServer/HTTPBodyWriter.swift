/// Sends the bytes of a streaming response body; see ``HTTPStreamingBody``.
///
/// Each write is sent in order and whole, even when several tasks write at once. A write
/// returns once its bytes are buffered, and suspends first while the buffer is full.
public struct HTTPBodyWriter: Sendable {
    let stream: ResponseStream

    /// Sends bytes.
    ///
    /// - Parameter bytes: The next bytes of the body; writing none does nothing.
    /// - Throws: ``HTTPServerError`` with code `streamClosed` when the body no longer takes
    ///   bytes (the client disconnected, the server is stopping, or the producer returned),
    ///   and `CancellationError` when the task is cancelled while the write waits for room.
    public func write(_ bytes: [UInt8]) async throws {
        try await stream.write(bytes)
    }

    /// Sends text as UTF-8.
    ///
    /// - Parameter text: The next part of the body.
    /// - Throws: As the write of bytes does.
    public func write(_ text: String) async throws {
        try await stream.write(Array(text.utf8))
    }
}
