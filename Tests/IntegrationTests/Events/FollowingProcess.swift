import Foundation
import GatewayTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// `twilio-gateway events --follow …` running in the background, its standard output and
/// error going to files the test reads as they grow.
final class FollowingProcess: Sendable {
    let child: ChildProcess
    private let directory: TemporaryDirectory

    /// Starts `twilio-gateway events --follow <arguments> --rpc-addr 127.0.0.1:<rpcPort>`, with
    /// `environment` added to ``Program/cleanEnvironment``.
    init(rpcPort: Int, _ arguments: [String], environment: [String: String] = [:]) throws {
        directory = try TemporaryDirectory(prefix: "follow")
        for name in ["stdout", "stderr"] {
            try Data().write(to: directory.file(name))
        }
        let output = try FileHandle(forWritingTo: directory.file("stdout"))
        let error = try FileHandle(forWritingTo: directory.file("stderr"))
        defer { [output, error].closeAll() }
        child = try ChildProcess(
            GatewayProcess.executablePath,
            ["events", "--follow", "--rpc-addr", "127.0.0.1:\(rpcPort)"] + arguments,
            environment: Program.cleanEnvironment.merging(environment) { _, new in new },
            input: FileHandle.nullDevice,
            output: output,
            error: error
        )
    }

    deinit {
        child.send(SIGKILL)
        directory.remove()
    }

    /// The complete lines printed so far.
    var lines: [String] {
        let text = (try? String(contentsOf: directory.file("stdout"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// What the process wrote to standard error so far.
    var errorOutput: String {
        (try? String(contentsOf: directory.file("stderr"), encoding: .utf8)) ?? ""
    }

    /// Waits until at least `count` lines were printed; fails after 15 seconds.
    func waitForLines(_ count: Int) async throws -> [String] {
        let end = ContinuousClock.now + .seconds(15)
        while lines.count < count {
            guard ContinuousClock.now < end, child.termination == nil else {
                throw Program.Failure(
                    description: "events --follow printed \(lines.count) of \(count) lines: \(lines) \(errorOutput)"
                )
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return lines
    }

    /// Sends SIGINT, as Ctrl-C does, and waits for the exit (SIGKILL after 10 seconds).
    func interrupt() async -> ChildProcess.Termination {
        child.send(SIGINT)
        if let termination = await child.waitForExit(within: .seconds(10)) {
            return termination
        }
        return await child.stop(grace: .seconds(1)).termination
    }
}
