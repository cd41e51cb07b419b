internal import Foundation
internal import ServiceSupport

/// Runs HTTP requests on libcurl's multi interface, all on one thread of its own.
///
/// ``send(_:)`` may be called from any task. The request's easy handle is built on the caller's
/// task, queued under a lock, and the thread is woken with `curl_multi_wakeup`; the thread adds
/// it to the multi handle, whose connection cache keeps connections open for the next requests,
/// and resumes the caller when the transfer ends. Cancelling the caller's task removes the
/// transfer from the multi handle at once (closing its connection) and `send` throws
/// `CancellationError`.
///
/// The thread runs until this object is released; callers keep it alive while they wait.
final class HTTPEngine: Sendable {
    private let core: HTTPEngineCore

    /// Starts the engine's thread.
    ///
    /// - Parameters:
    ///   - maximumConnectionsPerHost: The most connections kept open to one host.
    ///   - logger: Receives the thread's own failures, at debug level.
    /// - Throws: ``TwilioTransportError`` when libcurl cannot be set up.
    init(maximumConnectionsPerHost: Int, logger: Logger) throws(TwilioTransportError) {
        let core = HTTPEngineCore(
            multi: try CurlMulti(maximumConnectionsPerHost: maximumConnectionsPerHost),
            logger: logger
        )
        self.core = core

        let thread = Thread { HTTPEngineLoop(core: core).run() }
        thread.name = "twilio-rest-curl"
        thread.start()
    }

    deinit {
        core.beginShutdown()
    }

    /// Runs one request.
    ///
    /// - Parameter request: The request, with its timeouts.
    /// - Returns: The answer, whatever its HTTP status.
    /// - Throws: ``TwilioTransportError`` when no complete answer arrived, or `CancellationError`
    ///   when the calling task was cancelled first.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let easy = try CurlEasy(request: request)
        let core = self.core
        let id = core.reserve()

        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                core.submit(Transfer(easy: easy, continuation: continuation), id: id)
            }
        } onCancel: {
            core.cancel(id)
        }
    }
}
