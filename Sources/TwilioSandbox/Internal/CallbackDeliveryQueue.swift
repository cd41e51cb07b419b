internal import Dispatch
internal import Foundation
internal import Synchronization

/// Runs webhook deliveries one after another on a thread of its own, in the order they were
/// queued, so that a message's callbacks arrive in the order of its status changes.
///
/// One slow receiver delays the callbacks behind it (each waits at most its timeout); a
/// sandbox serves one developer or test, so one thread is enough.
final class CallbackDeliveryQueue: Sendable {
    private struct Pending {
        var jobs: [@Sendable () -> Void] = []
        var head = 0
        var stopped = false
        var threadStarted = false
    }

    private let pending = Mutex(Pending())
    private let wake = DispatchSemaphore(value: 0)

    /// Queues `job`; it runs after every job queued before it. Dropped after ``stop()``.
    ///
    /// The first job starts the delivery thread, which keeps the queue alive until ``stop()``.
    func enqueue(_ job: @escaping @Sendable () -> Void) {
        let (accepted, startThread) = pending.withLock { pending in
            guard !pending.stopped else {
                return (false, false)
            }
            pending.jobs.append(job)
            defer { pending.threadStarted = true }
            return (true, !pending.threadStarted)
        }
        if startThread {
            let thread = Thread { [self] in run() }
            thread.name = "twilio-sandbox-callbacks"
            thread.start()
        }
        if accepted {
            wake.signal()
        }
    }

    /// Ends the thread once the job running now, if any, is done; queued jobs are dropped.
    func stop() {
        pending.withLock { $0.stopped = true }
        wake.signal()
    }

    private func run() {
        while true {
            wake.wait()
            let job = pending.withLock { pending -> (@Sendable () -> Void)? in
                guard !pending.stopped, pending.head < pending.jobs.count else {
                    return nil
                }
                let job = pending.jobs[pending.head]
                pending.head += 1
                if pending.head > 1024, pending.head * 2 > pending.jobs.count {
                    pending.jobs.removeFirst(pending.head)
                    pending.head = 0
                }
                return job
            }
            guard let job else {
                if pending.withLock({ $0.stopped }) {
                    return
                }
                continue
            }
            job()
        }
    }
}
