internal import Dispatch

#if canImport(Glibc)
    internal import Glibc
#endif

/// Waits for SIGINT or SIGTERM, the signals that ask the gateway to shut down gracefully.
enum TerminationSignal {
    /// Suspends until one of the signals arrives and returns its number.
    static func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            SignalWaiter().arm([SIGINT, SIGTERM]) { continuation.resume(returning: $0 ?? 0) }
        }
    }

    /// Like ``wait()``, but returns `nil` as soon as the calling task is cancelled, and gives
    /// the signals their default action back then.
    static func waitUnlessCancelled() async -> Int32? {
        let waiter = SignalWaiter()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiter.arm([SIGINT, SIGTERM]) { continuation.resume(returning: $0) }
            }
        } onCancel: {
            waiter.disarm()
        }
    }
}

/// Owns the dispatch sources until the first signal fires (or ``disarm()`` is called), then
/// calls its completion once.
private final class SignalWaiter: @unchecked Sendable {
    // The sources, the completion and the flag are touched only on `queue`, a serial queue,
    // which is what makes the unchecked Sendable conformance safe.
    private let queue = DispatchQueue(label: "twilio-gateway.signals")
    private var sources: [(number: Int32, source: any DispatchSourceSignal)] = []
    private var completion: (@Sendable (Int32?) -> Void)?
    private var disarmed = false

    /// Catches `signals` and calls `completion` with the first that arrives, or with `nil`
    /// when ``disarm()`` comes first (also when it came before this call).
    func arm(_ signals: [Int32], completion: @escaping @Sendable (Int32?) -> Void) {
        queue.sync {
            guard !disarmed else {
                completion(nil)
                return
            }
            self.completion = completion
            for number in signals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { [self] in finish(with: number) }
                source.resume()
                sources.append((number, source))
            }
        }
    }

    /// Stops waiting: the completion gets `nil`, and the signals their default action.
    func disarm() {
        queue.async { [self] in
            disarmed = true
            finish(with: nil)
        }
    }

    private func finish(with number: Int32?) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let completion else {
            return
        }
        self.completion = nil
        for (signalNumber, source) in sources {
            source.cancel()
            if number == nil {
                signal(signalNumber, SIG_DFL)
            }
        }
        sources = []
        completion(number)
    }
}
