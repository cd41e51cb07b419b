/// A request on its way through the engine: the easy handle and the caller waiting for it.
///
/// `@unchecked Sendable` because ownership moves exactly once: the caller's task builds it and
/// submits it through the ``TransferInbox`` lock, and from then on only the engine thread touches
/// it, including the single resumption of ``continuation``.
final class Transfer: @unchecked Sendable {
    let easy: CurlEasy
    let continuation: CheckedContinuation<HTTPResponse, any Error>

    init(easy: CurlEasy, continuation: CheckedContinuation<HTTPResponse, any Error>) {
        self.easy = easy
        self.continuation = continuation
    }
}
