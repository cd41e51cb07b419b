internal import CMicroHTTPD
internal import Synchronization

/// The state of one HTTP request from its request line to libmicrohttpd's completion notice.
///
/// libmicrohttpd keeps it in the request's `con_cls` slot: the URI log callback creates it and
/// hands over one retain (`Unmanaged.passRetained`), the request-completed callback takes that
/// retain back exactly once. The handler's task holds its own strong reference.
///
/// Phases and who moves them (every move happens under the lock):
/// - `awaitingHead` → `receivingBody` or `answered` (413 by `Content-Length`): first access call.
/// - `receivingBody` → `discardingBody` (a chunked body grew too large): a body chunk. The rest
///   of the body is read and dropped, since libmicrohttpd 0.9.75 queues a response only before
///   the body or after all of it; the request timeout bounds how long that may take.
/// - `receivingBody` → `handling`: body complete, connection suspended, handler task started.
/// - `discardingBody` → `answered` (413): body complete.
/// - `handling` → `ready`: the handler finished, or the server stopped waiting (503); whoever
///   moves it resumes the connection, so it is resumed exactly once.
/// - `ready` → `answered`: the access call after the resume queues the response.
final class RequestContext: Sendable {
    /// What the next access call should do with the request so far.
    enum Phase: Sendable {
        case awaitingHead
        case receivingBody
        case discardingBody
        case handling(ConnectionHandle)
        case ready(HTTPResponse)
        case answered(HTTPStatus)
    }

    /// The parts of the request known once its head has arrived.
    struct Head: Sendable {
        var method: HTTPMethod
        var path: String
        var query: String
        var headers: HTTPHeaders
        var remoteAddress: String
        var remotePort: Int
    }

    private struct State: Sendable {
        var phase: Phase = .awaitingHead
        var head: Head?
        var body: [UInt8] = []
    }

    /// When the request line arrived.
    let startedAt = ContinuousClock.now
    /// The request target exactly as sent, such as `/Messages.json?PageSize=5`.
    let rawTarget: String
    private let state = Mutex(State())
    private let finished = Atomic(false)

    init(rawTarget: String) {
        self.rawTarget = rawTarget
    }

    /// Whether libmicrohttpd has reported the request complete (sent, failed or dropped).
    var isFinished: Bool {
        finished.load(ordering: .acquiring)
    }

    /// Records libmicrohttpd's completion notice.
    func markFinished() {
        finished.store(true, ordering: .releasing)
    }

    /// The current phase.
    var phase: Phase {
        state.withLock { $0.phase }
    }

    /// Records the head and moves to `receivingBody`.
    func receiveHead(_ head: Head) {
        state.withLock {
            $0.head = head
            $0.phase = .receivingBody
        }
    }

    /// Takes one chunk of body, or drops it once the body has grown past `limit`.
    ///
    /// - Returns: `true` when this chunk took the body past `limit`, so that the caller logs it
    ///   once; the body is then dropped, and ``completeRequest()`` returns `nil`.
    func receiveBody(_ chunk: UnsafeRawBufferPointer, limit: Int) -> Bool {
        state.withLock { state in
            guard case .receivingBody = state.phase else {
                return false
            }
            guard state.body.count + chunk.count > limit else {
                state.body.append(contentsOf: chunk)
                return false
            }
            state.body = []
            state.phase = .discardingBody
            return true
        }
    }

    /// The complete request once its body has arrived, or `nil` when the body was discarded.
    func completeRequest() -> HTTPRequest? {
        state.withLock { state in
            guard case .receivingBody = state.phase, let head = state.head else {
                return nil
            }
            let request = HTTPRequest(
                method: head.method,
                path: head.path,
                query: head.query,
                headers: head.headers,
                body: state.body,
                remoteAddress: head.remoteAddress,
                remotePort: head.remotePort
            )
            state.body = []
            return request
        }
    }

    /// Moves to `handling`; the caller suspends the connection right after.
    func beginHandling(_ connection: ConnectionHandle) {
        state.withLock { $0.phase = .handling(connection) }
    }

    /// Stores the handler's response and resumes the suspended connection.
    ///
    /// - Returns: `true` when this call resumed the connection; `false` when it was no longer
    ///   suspended (the server already answered it while stopping).
    func finishHandling(with response: HTTPResponse) -> Bool {
        state.withLock { state in
            guard case .handling(let connection) = state.phase else {
                return false
            }
            state.phase = .ready(response)
            // Resuming under the lock is what keeps the pointer valid: the server only stops
            // libmicrohttpd after every context still `handling` has been resumed, and that
            // needs this lock. MHD_resume_connection takes only MHD's own cleanup mutex.
            MHD_resume_connection(connection.pointer)
            return true
        }
    }

    /// Takes the stored response on the access call after a resume.
    func takeReadyResponse() -> HTTPResponse? {
        state.withLock { state in
            guard case .ready(let response) = state.phase else {
                return nil
            }
            state.phase = .answered(response.status)
            return response
        }
    }

    /// Records that a response with `status` was queued.
    func markAnswered(_ status: HTTPStatus) {
        state.withLock { $0.phase = .answered(status) }
    }

    /// The client's IP address, once the head has arrived; empty before.
    var remoteAddress: String {
        state.withLock { $0.head?.remoteAddress ?? "" }
    }

    /// What the completion log line reports: method, path and status (`nil` when none was sent).
    var summary: (method: String, path: String, status: HTTPStatus?) {
        state.withLock { state in
            let method = state.head?.method.rawValue ?? ""
            let path = state.head?.path ?? String(rawTarget.prefix { $0 != "?" })
            if case .answered(let status) = state.phase {
                return (method, path, status)
            }
            return (method, path, nil)
        }
    }
}
