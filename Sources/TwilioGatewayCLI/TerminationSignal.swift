internal import Dispatch

#if canImport(Glibc)
    internal import Glibc
#endif

/// Waits for SIGINT or SIGTERM, the signals that ask the gateway to shut down gracefully; a
/// second one ends the process at once.
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
            let waiter = SignalWaiter(continuation: continuation, onSecondSignal: onSecondSignal)
            waiter.arm([SIGINT, SIGTERM])
        }
    }
}

/// Owns the dispatch sources for the life of the process: the first signal resumes the waiting
/// task once, a later one forces the exit.
private final class SignalWaiter: @unchecked Sendable {
    // The sources and the continuation are touched only on `queue`, a serial queue, which is
    // what makes the unchecked Sendable conformance safe.
    private let queue = DispatchQueue(label: "twilio-gateway.signals")
    private var sources: [any DispatchSourceSignal] = []
    private var continuation: CheckedContinuation<Int32, Never>?
    private var firstSignalAt: ContinuousClock.Instant?
    private let onSecondSignal: @Sendable (Int32) -> Void

    init(continuation: CheckedContinuation<Int32, Never>, onSecondSignal: @escaping @Sendable (Int32) -> Void) {
        self.continuation = continuation
        self.onSecondSignal = onSecondSignal
    }

    func arm(_ signals: [Int32]) {
        queue.sync {
            for number in signals {
                signal(number, SIG_IGN)
                // The source keeps `self` alive, so the waiter outlives `wait()` and hears the
                // second signal.
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { [self] in fire(number) }
                source.resume()
                sources.append(source)
            }
        }
    }

    private func fire(_ number: Int32) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let continuation else {
            if let firstSignalAt, ContinuousClock.now - firstSignalAt > TerminationSignal.repeatWindow {
                onSecondSignal(number)
                exit(128 + number)
            }
            return
        }
        self.continuation = nil
        firstSignalAt = .now
        continuation.resume(returning: number)
    }
}
