internal import GatewayStore

#if canImport(Glibc)
    internal import Glibc
#endif

/// `EventLogCrashWriter DIRECTORY TASKS`: appends events to the event log in `DIRECTORY` from
/// `TASKS` concurrent tasks, and after each append returns prints one line, `OFFSET KEY`, where
/// `KEY` is the event's dedupe key. It runs until killed (or 20,000 appends per task).
///
/// The crash test kills it with SIGKILL and then checks that every printed line is in the log:
/// an append that returned must be durable.
@main
enum EventLogCrashWriter {
    static let appendsPerTask = 20_000

    static func main() async {
        let arguments = CommandLine.arguments
        guard arguments.count == 3, let tasks = Int(arguments[2]), tasks > 0 else {
            fail("usage: EventLogCrashWriter DIRECTORY TASKS")
        }
        let log: SQLiteEventLog
        do {
            log = try SQLiteEventLog(directory: arguments[1], configuration: .init(retention: .unlimited))
        } catch {
            fail("cannot open the event log: \(error)")
        }

        let run = getpid()
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    for index in 0..<appendsPerTask {
                        await append(to: log, key: "crash-\(run)-\(task)-\(index)", task: task)
                    }
                }
            }
        }
        await log.close()
    }

    private static func append(to log: SQLiteEventLog, key: String, task: Int) async {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let event = GatewayEvent(
            type: .messageStatus,
            receivedAt: Double(now.tv_sec) + Double(now.tv_nsec) / 1e9,
            messageSID: "SM\(task)",
            status: "sent",
            dedupeKey: key,
            parameters: [EventParameter("MessageSid", "SM\(task)"), EventParameter("MessageStatus", "sent")]
        )
        do {
            let stored = try await log.append(event)
            writeLine("\(stored.offset) \(key)")
        } catch {
            fail("append failed: \(error)")
        }
    }

    /// Writes `line` and a newline to standard output in one `write`, so that a line is either
    /// wholly in the pipe or not at all when the process is killed.
    private static func writeLine(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        if written != bytes.count {
            fail("cannot write to standard output")
        }
    }

    private static func fail(_ message: String) -> Never {
        let bytes = Array("EventLogCrashWriter: \(message)\n".utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(1)
    }
}
