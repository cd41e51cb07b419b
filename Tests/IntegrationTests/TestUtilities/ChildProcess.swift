internal import Foundation
internal import Synchronization

#if canImport(Glibc)
    internal import Glibc
#endif

/// A program a test started, whose exit can be awaited without blocking a thread.
///
/// The exit is learnt from `Process.terminationHandler`, which is set before the program
/// starts, so no exit is missed.
final class ChildProcess: Sendable {
    /// How a program ended.
    struct Termination: Equatable, CustomStringConvertible {
        /// The exit status, or the signal number when `signalled` is true.
        var status: Int32
        /// Whether a signal ended the program instead of `exit`.
        var signalled: Bool

        var description: String {
            signalled ? "killed by signal \(status)" : "exit status \(status)"
        }
    }

    private enum State {
        case running(waiters: [CheckedContinuation<Termination, Never>])
        case exited(Termination)
    }

    private let process: Process
    private let state = Mutex(State.running(waiters: []))

    /// The process ID.
    var pid: Int32 {
        process.processIdentifier
    }

    /// Starts `executable` with `arguments`.
    ///
    /// - Parameters:
    ///   - environment: The whole environment of the program.
    ///   - directory: The working directory, or `nil` for the test's own.
    ///   - input, output, error: A `FileHandle` or `Pipe` for each standard stream.
    init(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        directory: URL? = nil,
        input: Any,
        output: Any,
        error: Any
    ) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        self.process = process

        process.terminationHandler = { [weak self] process in
            self?.exited(
                Termination(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal)
            )
        }
        try process.run()
    }

    private func exited(_ termination: Termination) {
        let waiters = state.withLock { state in
            guard case .running(let waiters) = state else {
                return [CheckedContinuation<Termination, Never>]()
            }
            state = .exited(termination)
            return waiters
        }
        for waiter in waiters {
            waiter.resume(returning: termination)
        }
    }

    /// How the program ended, or `nil` while it runs.
    var termination: Termination? {
        state.withLock { state in
            guard case .exited(let termination) = state else {
                return nil
            }
            return termination
        }
    }

    /// Waits for the program to end.
    func waitForExit() async -> Termination {
        await withCheckedContinuation { continuation in
            let exited = state.withLock { state -> Termination? in
                switch state {
                case .running(let waiters):
                    state = .running(waiters: waiters + [continuation])
                    return nil
                case .exited(let termination):
                    return termination
                }
            }
            if let exited {
                continuation.resume(returning: exited)
            }
        }
    }

    /// Waits at most `limit` for the program to end; `nil` if it still runs.
    func waitForExit(within limit: Duration) async -> Termination? {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let termination {
                return termination
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return termination
    }

    /// Sends `signal` (SIGTERM unless told) if the program still runs.
    func send(_ signal: Int32 = SIGTERM) {
        guard termination == nil else {
            return
        }
        _ = kill(pid, signal)
    }

    /// Asks the program to stop with SIGTERM and waits; after `grace` it is killed with SIGKILL.
    ///
    /// - Returns: How it ended, and whether it had to be killed.
    func stop(grace: Duration = .seconds(10)) async -> (termination: Termination, killed: Bool) {
        send(SIGTERM)
        if let termination = await waitForExit(within: grace) {
            return (termination, false)
        }
        send(SIGKILL)
        return (await waitForExit(), true)
    }
}
