internal import RPCCore
internal import Synchronization

/// One call a ``ServerConnection`` has accepted, from its HEADERS until its trailers.
final class ServerCall: @unchecked Sendable {
    // @unchecked Sendable: the handler's task holds a reference, but the mutable fields are
    // read and written only on the owning connection's queue.

    /// The stream the call runs on.
    let streamID: UInt32
    /// What the client sent in HEADERS.
    let headers: HeadersPayload
    /// When HEADERS arrived; the timeout counts from here.
    let receivedAt: ContinuousClock.Instant
    /// Whether the method streams its responses (unknown methods count as unary).
    let isStreaming: Bool
    /// The task running the handler, once the request has arrived.
    var task: Task<Void, Never>?
    /// The size of the request the handler holds, counted against the connection's limit.
    var requestByteCount = 0

    init(streamID: UInt32, headers: HeadersPayload, receivedAt: ContinuousClock.Instant, isStreaming: Bool) {
        self.streamID = streamID
        self.headers = headers
        self.receivedAt = receivedAt
        self.isStreaming = isStreaming
    }
}

/// Holds a unary handler's response until the call's status is known, so the response and
/// the trailers go out in one write.
final class UnaryResponse: Sendable {
    private let storage = Mutex<[UInt8]?>(nil)

    func store(_ message: [UInt8]) {
        storage.withLock { $0 = message }
    }

    func take() -> [UInt8]? {
        storage.withLock { value in
            defer { value = nil }
            return value
        }
    }
}

/// A streaming handler's write waiting for its connection's outbound buffer to drain.
struct WriteWaiter {
    let call: ServerCall
    let message: [UInt8]
    let continuation: CheckedContinuation<Void, any Error>
}
