internal import CCurl
internal import Foundation
internal import ServiceSupport

/// The body of the engine thread: starts, stops and completes transfers on the multi handle.
///
/// Lives on the engine thread only, so its tables need no lock. Each transfer is resumed exactly
/// once, by whichever of ``complete(_:result:)``, ``stop(_:with:)`` or ``stopAll(with:)``
/// first removes it from ``running``.
final class HTTPEngineLoop {
    private let core: HTTPEngineCore
    /// The transfers in the multi handle, by ID.
    private var running: [UInt64: Transfer] = [:]
    /// The IDs of the transfers in the multi handle, by `CURL *`.
    private var ids: [UnsafeMutableRawPointer: UInt64] = [:]

    /// How long a poll waits when nothing happens; new work interrupts it through `curl_multi_wakeup`.
    private static let idlePollMilliseconds: Int32 = 1000

    init(core: HTTPEngineCore) {
        self.core = core
    }

    /// Runs until the engine shuts down.
    func run() {
        while true {
            let work = core.takeWork()
            for arrival in work.arrivals {
                start(arrival.payload, id: arrival.id)
            }
            for id in work.cancellations {
                stop(id, with: CancellationError())
            }
            guard !work.isShuttingDown else {
                stopAll(with: HTTPEngineCore.shutdownError)
                return
            }

            do throws(TwilioTransportError) {
                try core.multi.perform()
                for finished in core.multi.finishedTransfers() {
                    complete(finished.handle, result: finished.result)
                }
                try core.multi.poll(timeoutMilliseconds: Self.idlePollMilliseconds)
            } catch {
                core.logger.debug("twilio.curl.multi_failed", ["error.message": error.message])
                stopAll(with: error)
                // The multi handle is in trouble (out of memory, broken poll); pause rather than spin.
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    private func start(_ transfer: Transfer, id: UInt64) {
        do {
            try core.multi.add(transfer.easy)
        } catch {
            core.finish(id)
            transfer.continuation.resume(throwing: error)
            return
        }
        running[id] = transfer
        ids[transfer.easy.handle] = id
    }

    private func complete(_ handle: UnsafeMutableRawPointer, result: CURLcode) {
        guard let id = ids[handle], let transfer = running[id] else {
            return
        }
        let outcome = transfer.easy.outcome(result)
        remove(transfer, id: id)
        transfer.continuation.resume(with: outcome.mapError { $0 })
    }

    private func stop(_ id: UInt64, with error: any Error) {
        guard let transfer = running[id] else {
            return
        }
        remove(transfer, id: id)
        transfer.continuation.resume(throwing: error)
    }

    private func stopAll(with error: any Error) {
        for id in Array(running.keys) {
            stop(id, with: error)
        }
    }

    private func remove(_ transfer: Transfer, id: UInt64) {
        running[id] = nil
        ids[transfer.easy.handle] = nil
        core.multi.remove(transfer.easy)
        transfer.easy.clearPassword()
        core.finish(id)
    }
}

@available(*, unavailable)
extension HTTPEngineLoop: Sendable {}
