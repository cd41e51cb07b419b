internal import Foundation
internal import GatewayTestSupport

/// Programs run to their end with their output captured: curl, python3, `twilio-gateway` commands.
enum Program {
    /// What a program printed and how it ended.
    struct Outcome: CustomStringConvertible {
        var termination: ChildProcess.Termination
        var output: String
        var errorOutput: String
        /// From start to exit, for the "answered within its deadline" checks.
        var elapsed: Duration

        /// The exit status; a signal gives its negated number so it never looks like success.
        var status: Int32 {
            termination.signalled ? -termination.status : termination.status
        }

        var description: String {
            "\(termination) after \(elapsed)\nstdout: \(output)\nstderr: \(errorOutput)"
        }
    }

    /// A failure to run a program at all, or one that outlived its time limit.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The test's environment without the gateway's and Twilio's variables, so that a developer's
    /// shell settings never change what a test talks to.
    static var cleanEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TWILIO_") && !$0.key.hasPrefix("GATEWAY_") }
    }

    /// The full path of `name` on `PATH`, if it is there.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `executable` to its end; output goes through files so that no pipe fills up.
    ///
    /// - Parameters:
    ///   - environment: Added to ``cleanEnvironment``.
    ///   - input: Written to the program's standard input.
    ///   - directory: The working directory, or `nil` for a fresh temporary one.
    ///   - timeLimit: The program is killed after this long and the run fails.
    static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = [:],
        input: String = "",
        directory: URL? = nil,
        timeLimit: Duration = .seconds(30)
    ) async throws -> Outcome {
        let scratch = try TemporaryDirectory(prefix: "program")
        defer { scratch.remove() }
        let files = try ["stdin", "stdout", "stderr"].map { name in
            let url = scratch.url.appendingPathComponent(name)
            try Data((name == "stdin" ? input : "").utf8).write(to: url)
            return url
        }

        let handles = [
            try FileHandle(forReadingFrom: files[0]), try FileHandle(forWritingTo: files[1]),
            try FileHandle(forWritingTo: files[2]),
        ]
        defer { handles.closeAll() }
        let started = ContinuousClock.now
        let child = try ChildProcess(
            executable,
            arguments,
            environment: cleanEnvironment.merging(environment) { _, new in new },
            directory: directory ?? scratch.url,
            input: handles[0],
            output: handles[1],
            error: handles[2]
        )
        let ended = await child.waitForExit(within: timeLimit)
        let elapsed = ContinuousClock.now - started
        var termination = ended
        if termination == nil {
            termination = await child.stop(grace: .seconds(1)).termination
        }
        let outcome = Outcome(
            termination: termination ?? ChildProcess.Termination(status: SIGKILL, signalled: true),
            output: try String(contentsOf: files[1], encoding: .utf8),
            errorOutput: try String(contentsOf: files[2], encoding: .utf8),
            elapsed: elapsed
        )
        guard ended != nil else {
            throw Failure(description: "\(executable) \(arguments) ran longer than \(timeLimit): \(outcome)")
        }
        return outcome
    }
}
