internal import Dispatch
internal import Glibc
internal import Synchronization

/// A task executor with threads of its own for the GraphQL handler's CPU work: reading the
/// request, parsing, validating and executing the document.
///
/// Without it that work runs on Swift's cooperative pool, which has one thread per core and
/// also runs every other HTTP route (`/healthz`, webhooks), the RPC server and the sandbox: two
/// costly documents on a two-core machine would hold up all of them. With it, a costly document
/// holds up at most other GraphQL requests whose jobs land on the same thread, while the rest of
/// the process keeps its threads. Awaiting an RPC frees the thread as usual.
///
/// Each job goes to the least busy of a fixed set of serial dispatch queues (one per online
/// core, each run by its own thread), so a job waits behind a costly one only when every queue
/// is busy.
///
/// Known shortcoming: the threads are shared by all of the handler's requests, so while every
/// one of them is busy with a costly document, other GraphQL requests wait (the rest of the
/// process does not). The number of threads is not configurable.
final class GraphQLWorkExecutor: TaskExecutor {
    private let queues: [DispatchQueue]
    /// How many jobs each queue holds, queued or running.
    private let loads: Mutex<[Int]>

    /// Creates an executor with one serial queue per online core.
    init() {
        let count = Self.onlineCores
        queues = (0..<count).map { DispatchQueue(label: "twilio-gateway.graphql.work.\($0)") }
        loads = Mutex(Array(repeating: 0, count: count))
    }

    /// The number of online cores, or 2 when the system does not say.
    static var onlineCores: Int {
        let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return count > 0 ? count : 2
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let index = loads.withLock { loads in
            let least = loads.indices.min { loads[$0] < loads[$1] } ?? 0
            loads[least] += 1
            return least
        }
        let executor = asUnownedTaskExecutor()
        queues[index].async {
            job.runSynchronously(on: executor)
            self.loads.withLock { $0[index] -= 1 }
        }
    }
}
