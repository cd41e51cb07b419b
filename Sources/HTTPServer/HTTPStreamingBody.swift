/// A response body produced over time, such as a stream of Server-Sent Events.
///
/// The server calls ``produce`` once, on a task of its own, after the head has been queued;
/// the body is sent with chunked transfer encoding (HTTP/1.0 clients get it until the
/// connection closes). The body ends when ``produce`` returns. Then:
/// - if it throws, what it wrote is sent and the connection is closed without the final chunk,
///   so the client can tell the body is incomplete;
/// - if the client disconnects, the task running ``produce`` is cancelled and every later
///   write throws;
/// - if the server stops, the body ends after what was written (with the final chunk), the
///   task is cancelled and every later write throws.
///
/// A client that stops reading slows the writes of ``HTTPBodyWriter`` down: at most
/// ``bufferSize`` bytes (plus one write) wait in memory for each stream.
public struct HTTPStreamingBody: Sendable {
    /// Writes the body through the writer, then returns.
    public typealias Producer = @Sendable (HTTPBodyWriter) async throws -> Void

    /// How many bytes may wait to be sent before a write suspends.
    public let bufferSize: Int
    /// Writes the body.
    public let produce: Producer

    /// Creates a streaming body.
    ///
    /// - Parameters:
    ///   - bufferSize: How many bytes may wait to be sent before a write suspends (64 KiB unless
    ///     set; at least 1).
    ///   - produce: Writes the body, then returns.
    public init(bufferSize: Int = 64 << 10, produce: @escaping Producer) {
        precondition(bufferSize > 0, "HTTPStreamingBody.bufferSize must be at least 1")
        self.bufferSize = bufferSize
        self.produce = produce
    }
}
