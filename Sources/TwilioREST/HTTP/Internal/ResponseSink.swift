/// Collects a response body as libcurl delivers it, up to a limit.
///
/// Used only on the engine thread, from the write callback and when the transfer ends.
final class ResponseSink {
    private(set) var bytes: [UInt8] = []
    /// The most bytes the body may have.
    let limit: Int
    /// Whether the body went past the limit; the transfer was then stopped.
    private(set) var exceededLimit = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Appends a chunk, or refuses it when the body would pass the limit.
    ///
    /// - Returns: Whether the chunk was taken; libcurl stops the transfer when it was not.
    func append(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard chunk.count <= limit - bytes.count else {
            exceededLimit = true
            return false
        }
        bytes.append(contentsOf: chunk)
        return true
    }
}

@available(*, unavailable)
extension ResponseSink: Sendable {}
