internal import Dispatch
internal import Synchronization

/// Counts the blocks submitted to a connection's queue that have not run yet, so the
/// socket can tell whether more frames are about to be queued.
///
/// A socket that is told to send frames writes them at once when nothing else is waiting
/// for the queue, saving a thread hop per response; when blocks are waiting (many calls
/// finishing at once), it lets them add their frames first and writes everything in one
/// `send`.
final class PendingWork: Sendable {
    private let count = Atomic<Int>(0)

    /// The queue the work runs on.
    let queue: DispatchQueue

    init(queue: DispatchQueue) {
        self.queue = queue
    }

    /// Whether submitted blocks are waiting to run.
    var isWaiting: Bool {
        count.load(ordering: .acquiring) > 0
    }

    /// Runs `work` on the queue, counted until it starts.
    func async(_ work: @escaping @Sendable () -> Void) {
        count.wrappingAdd(1, ordering: .relaxed)
        queue.async { [self] in
            count.wrappingSubtract(1, ordering: .releasing)
            work()
        }
    }
}
