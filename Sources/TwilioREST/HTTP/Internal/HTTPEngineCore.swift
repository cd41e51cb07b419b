internal import ServiceSupport
internal import Synchronization

/// What ``HTTPEngine``'s callers and its thread share: the multi handle and the locked inbox.
///
/// The thread keeps this object alive, not the engine, so releasing the engine can stop the thread.
final class HTTPEngineCore: Sendable {
    /// Used by the engine thread only, except for ``CurlMulti/wakeup()``.
    let multi: CurlMulti
    let logger: Logger
    private let inbox = Mutex(TransferInbox<Transfer>())

    init(multi: CurlMulti, logger: Logger) {
        self.multi = multi
        self.logger = logger
    }

    /// Gives the next transfer its ID.
    func reserve() -> UInt64 {
        inbox.withLock { $0.reserve() }
    }

    /// Hands a transfer to the engine thread, or fails it at once if it was cancelled meanwhile.
    func submit(_ transfer: Transfer, id: UInt64) {
        switch inbox.withLock({ $0.submit(transfer, id: id) }) {
        case .wakeLoop:
            wake()
        case .refuseCancelled:
            transfer.continuation.resume(throwing: CancellationError())
        case .refuseShuttingDown:
            transfer.continuation.resume(throwing: Self.shutdownError)
        }
    }

    /// Asks the engine thread to stop a transfer whose caller was cancelled.
    func cancel(_ id: UInt64) {
        if inbox.withLock({ $0.cancel(id) }) {
            wake()
        }
    }

    /// Forgets a transfer that ended, so a late cancellation does nothing. Engine thread only.
    func finish(_ id: UInt64) {
        inbox.withLock { $0.finish(id) }
    }

    /// Takes everything queued for the engine thread. Engine thread only.
    func takeWork() -> TransferInbox<Transfer>.Work {
        inbox.withLock { $0.takeWork() }
    }

    /// Makes the engine thread fail what it still runs and exit.
    func beginShutdown() {
        if inbox.withLock({ $0.beginShutdown() }) {
            wake()
        }
    }

    /// The error of a transfer still running, or submitted, when the engine stops.
    static let shutdownError = TwilioTransportError(
        kind: .transferFailed,
        message: "the Twilio client was shut down before the request finished"
    )

    private func wake() {
        if let error = multi.wakeup() {
            logger.debug("twilio.curl.wakeup_failed", ["error.message": error.message])
        }
    }
}
