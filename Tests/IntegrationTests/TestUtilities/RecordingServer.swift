internal import Foundation

/// Tests/Fixtures/recording_server.py: a stand-in for Twilio that answers from a route table and
/// records every request it gets (see the script's docstring).
///
/// The script exits when its standard input closes, which ``stop()`` does; it cannot outlive the
/// test process either way.
final class RecordingServer: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int
    private let child: ChildProcess
    // The write end of the script's standard input; closing it ends the script.
    private let input: FileHandle
    private let directory: TemporaryDirectory

    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/recording_server.py").path

    /// Starts the script with `configuration` (its `routes` and `default`), on `port` (0 picks one).
    static func start(_ configuration: [String: Any], port: Int = 0) async throws -> RecordingServer {
        let python = try Program.find("python3").orThrow(Failure(description: "python3 is not on PATH"))
        let directory = try TemporaryDirectory(prefix: "recorder")
        let configFile = directory.file("config.json")
        try JSONSerialization.data(withJSONObject: configuration).write(to: configFile)
        let input = Pipe()
        let output = Pipe()
        let child = try ChildProcess(
            python,
            [
                script, "--port", String(port), "--config", configFile.path, "--record",
                directory.file("record.jsonl").path,
            ],
            environment: Program.cleanEnvironment,
            input: input,
            output: output,
            error: FileHandle.standardError
        )

        let firstLine = await Self.firstLine(of: output.fileHandleForReading)
        guard let bound = firstLine.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            try? input.fileHandleForWriting.close()
            _ = await child.stop(grace: .seconds(2))
            directory.remove()
            throw Failure(description: "recording_server.py printed no port: \(firstLine ?? "(nothing)")")
        }
        return RecordingServer(port: bound, child: child, input: input.fileHandleForWriting, directory: directory)
    }

    private init(port: Int, child: ChildProcess, input: FileHandle, directory: TemporaryDirectory) {
        self.port = port
        self.child = child
        self.input = input
        self.directory = directory
    }

    /// The base URL to give a Twilio client, such as `http://127.0.0.1:8000`.
    var baseURL: String {
        "http://127.0.0.1:\(port)"
    }

    /// Every line recorded so far.
    var events: [RecordedEvent] {
        guard let text = try? String(contentsOf: directory.file("record.jsonl"), encoding: .utf8) else {
            return []
        }
        let decoder = JSONDecoder()
        return text.split(separator: "\n").compactMap { try? decoder.decode(RecordedEvent.self, from: Data($0.utf8)) }
    }

    /// Every request recorded so far.
    var requests: [RecordedEvent] {
        events.filter { $0.event == "request" }
    }

    /// Waits up to `timeout` until `condition` holds for the recorded events.
    func waitUntil(timeout: Duration, _ condition: ([RecordedEvent]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(events) {
                return true
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition(events)
    }

    /// Closes the script's standard input and waits for it to exit; removes the recording.
    func stop() async {
        try? input.close()
        _ = await child.stop(grace: .seconds(5))
        directory.remove()
    }

    /// Reads one line on a thread of its own, so no task blocks.
    private static func firstLine(of handle: FileHandle) async -> String? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var bytes: [UInt8] = []
                while !bytes.contains(UInt8(ascii: "\n")) {
                    let data = handle.availableData
                    guard !data.isEmpty else {
                        break
                    }
                    bytes += data
                }
                let line = bytes.split(separator: UInt8(ascii: "\n")).first.map { String(decoding: $0, as: UTF8.self) }
                continuation.resume(returning: line)
            }
        }
    }
}

/// Runs `body` with a started recording server and stops it afterwards, also when `body` throws.
func withRecordingServer<Result>(
    _ configuration: [String: Any],
    port: Int = 0,
    _ body: (RecordingServer) async throws -> Result
) async throws -> Result {
    let server = try await RecordingServer.start(configuration, port: port)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
