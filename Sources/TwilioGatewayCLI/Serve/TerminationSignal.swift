internal import Dispatch

#if canImport(Glibc)
    internal import Glibc
#endif

/// Waits for SIGINT or SIGTERM, the signals that ask the gateway (or a following command) to
/// stop gracefully.
enum TerminationSignal {
    /// How long after the first signal a second one is taken as the same request: `timeout`
    /// and some supervisors signal the process and then its whole group, so one stop request
    /// can arrive twice at once.
    static let repeatWindow = Duration.seconds(1)

    /// Suspends until one of the signals arrives and returns its number.
    ///
    /// From then on, another SIGINT or SIGTERM, more than ``repeatWindow`` after the first,
    /// calls `onSecondSignal` with its number and ends the process at once with status 128 +
    /// that number, as if the signal had killed it.
    static func wait(onSecondSignal: @escaping @Sendable (Int32) -> Void) async -> Int32 {
        await withCheckedContinuation { continuation in
            SignalWaiter(onSecondSignal: onSecondSignal).arm([SIGINT, SIGTERM]) {
                continuation.resume(returning: $0 ?? 0)
            }
        }
    }

    /// Suspends until one of the signals arrives and returns its number, or returns `nil` as
    /// soon as the calling task is cancelled. Either way the signals get their default action
    /// back, so a second one ends the process.
    static func waitUnlessCancelled() async -> Int32? {
        let waiter = SignalWaiter(onSecondSignal: nil)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiter.arm([SIGINT, SIGTERM]) { continuation.resume(returning: $0) }
            }
        } onCancel: {
            waiter.disarm()
        }
    }
}

/// Owns the dispatch sources of the signals: the first signal (or ``disarm()``) calls the
/// completion once; with a second-signal handler the sources stay for the life of the process
/// and a later signal forces the exit, without one the signals get their default action back.
private final class SignalWaiter: @unchecked Sendable {
    // Everything mutable is touched only on `queue`, a serial queue, which is what makes the
    // unchecked Sendable conformance safe.
    private let queue = DispatchQueue(label: "twilio-gateway.signals")
    private var sources: [(number: Int32, source: any DispatchSourceSignal)] = []
    private var completion: (@Sendable (Int32?) -> Void)?
    private var disarmed = false
    private var firstSignalAt: ContinuousClock.Instant?
    private let onSecondSignal: (@Sendable (Int32) -> Void)?

    init(onSecondSignal: (@Sendable (Int32) -> Void)?) {
        self.onSecondSignal = onSecondSignal
    }

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
                // The source keeps `self` alive, so the waiter outlives the wait and hears a
                // second signal.
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { [self] in fire(number) }
                source.resume()
                sources.append((number, source))
            }
        }
    }

    /// Stops waiting: the completion gets `nil`, and the signals their default action.
    func disarm() {
        queue.async { [self] in
            disarmed = true
            guard let completion else {
                return
            }
            self.completion = nil
            releaseSignals()
            completion(nil)
        }
    }

    private func fire(_ number: Int32) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let completion else {
            if let onSecondSignal, let firstSignalAt,
                ContinuousClock.now - firstSignalAt > TerminationSignal.repeatWindow
            {
                onSecondSignal(number)
                exit(128 + number)
            }
            return
        }
        self.completion = nil
        firstSignalAt = .now
        if onSecondSignal == nil {
            releaseSignals()
        }
        completion(number)
    }

    private func releaseSignals() {
        for (number, source) in sources {
            source.cancel()
            signal(number, SIG_DFL)
        }
        sources = []
    }
}
