internal import Dispatch

#if canImport(Glibc)
    internal import Glibc
#endif

/// Waits for SIGINT or SIGTERM, the signals that ask the gateway to shut down gracefully.
enum TerminationSignal {
    /// Suspends until one of the signals arrives and returns its number.
    static func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let waiter = SignalWaiter(continuation: continuation)
            waiter.arm([SIGINT, SIGTERM])
        }
    }
}

/// Owns the dispatch sources until the first signal fires, then resumes the waiting task once.
private final class SignalWaiter: @unchecked Sendable {
    // The sources and the continuation are touched only on `queue`, a serial queue, which is
    // what makes the unchecked Sendable conformance safe.
    private let queue = DispatchQueue(label: "twilio-gateway.signals")
    private var sources: [any DispatchSourceSignal] = []
    private var continuation: CheckedContinuation<Int32, Never>?

    init(continuation: CheckedContinuation<Int32, Never>) {
        self.continuation = continuation
    }

    func arm(_ signals: [Int32]) {
        queue.sync {
            for number in signals {
                signal(number, SIG_IGN)
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
            return
        }
        self.continuation = nil
        for source in sources {
            source.cancel()
        }
        sources = []
        continuation.resume(returning: number)
    }
}
