internal import Foundation
internal import Testing

/// Runs a program with a pseudo-terminal as its standard streams, through Python's `pty`
/// module (the standard library, so no package is needed), and collects every byte it wrote.
enum PseudoTerminal {
    /// What the program wrote to its terminal and how it ended.
    struct Outcome: Decodable, CustomStringConvertible {
        /// The exit status, or the negated signal number.
        var status: Int32
        /// Everything written, with the terminal's CRLF for each LF.
        var output: String

        var description: String {
            "exit status \(status), output: \(output.debugDescription)"
        }

        /// Each state of the line redrawn with `\r`, without its escape codes, in order; the
        /// lines after the last state are left out.
        var frames: [String] {
            // "\r\n" is one Character in Swift, so the terminal's line breaks go first.
            output.replacing("\r\n", with: "\n")
                .split(separator: "\r")
                .map { $0.prefix { $0 != "\n" }.replacing(/\u{1B}\[[0-9;]*[A-Za-z]/, with: "") }
                .filter { !$0.isEmpty }
                .map(String.init)
        }
    }

    /// Forks `argv[4:]` on a new pseudo-terminal of `argv[1]` columns with `argv[3]` as JSON of
    /// the environment variables to set (TERM and NO_COLOR are removed first), sends it SIGINT
    /// once its output matches the regular expression `argv[2]` (when not empty), reads until it
    /// exits, and prints its status and output as JSON.
    private static let script = """
        import fcntl, json, os, pty, re, signal, struct, sys, termios
        columns, interrupt_at, settings, command = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3], sys.argv[4:]
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
            environment = {k: v for k, v in os.environ.items() if k not in ("TERM", "NO_COLOR")}
            environment.update(json.loads(settings))
            os.execve(command[0], command, environment)
        output, interrupted = b"", False
        while True:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            output += data
            if interrupt_at and not interrupted and re.search(interrupt_at, output):
                os.kill(pid, signal.SIGINT)
                interrupted = True
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"status": os.waitstatus_to_exitcode(status), "output": output.decode("utf-8", "replace")}))
        """

    /// Runs `executable` with `arguments` on a terminal `columns` wide.
    ///
    /// - Parameters:
    ///   - environment: Variables to set, such as `TERM`; the test's `TWILIO_*` and `GATEWAY_*`
    ///     ones are left out.
    ///   - interruptWhen: A Python regular expression; once the output matches it the program
    ///     gets SIGINT, as Ctrl-C would send.
    static func run(
        _ executable: String,
        _ arguments: [String],
        columns: Int = 100,
        environment: [String: String] = ["TERM": "xterm"],
        interruptWhen pattern: String = ""
    ) async throws -> Outcome {
        let settings = String(decoding: try JSONEncoder().encode(environment), as: UTF8.self)
        let python = try PythonTools.requirePython()
        let outcome = try await Program.run(
            python,
            ["-c", script, String(columns), pattern, settings, executable] + arguments
        )
        do {
            return try JSONDecoder().decode(Outcome.self, from: Data(outcome.output.utf8))
        } catch {
            throw Program.Failure(description: "the pseudo-terminal runner printed no result (\(error)): \(outcome)")
        }
    }
}
