internal import Dispatch

#if canImport(Glibc)
    internal import Glibc
#endif

/// Ctrl-C while a client command works: the first SIGINT cancels the work, so that the command
/// can stop and say what was done; a second one ends the process at once with status 130.
enum InterruptSignal {
    /// Runs `work` in a task that the first SIGINT cancels, and gives SIGINT its default action
    /// back when the task ends.
    static func cancelling<Result: Sendable>(
        _ work: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        let task = Task { try await work() }
        let watch = InterruptWatch { task.cancel() }
        defer { watch.stop() }
        return try await task.value
    }
}

/// Owns the SIGINT dispatch source from ``init(onFirst:)`` to ``stop()``.
private final class InterruptWatch: @unchecked Sendable {
    // The source and the count are touched only on `queue`, a serial queue, which is what makes
    // the unchecked Sendable conformance safe. The source's handler holds the watch until
    // stop() cancels the source and drops it.
    private let queue = DispatchQueue(label: "twilio-gateway.interrupt")
    private var source: (any DispatchSourceSignal)?
    private var interrupts = 0

    init(onFirst: @escaping @Sendable () -> Void) {
        queue.sync {
            signal(SIGINT, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: queue)
            source.setEventHandler { [self] in
                dispatchPrecondition(condition: .onQueue(queue))
                interrupts += 1
                guard interrupts == 1 else {
                    exit(130)
                }
                onFirst()
            }
            source.resume()
            self.source = source
        }
    }

    func stop() {
        queue.sync {
            source?.cancel()
            source = nil
            signal(SIGINT, SIG_DFL)
        }
    }
}
