internal import Foundation

/// Runs `Tests/Fixtures/recording_server.py` on 127.0.0.1 and reads what it recorded.
///
/// The server is a separate Python process, so the client is checked against an HTTP peer that
/// shares no code with it. It stops when this object is released (its standard input closes).
final class RecordingServer {
    /// The port the server bound; set once by ``start(routes:defaultRoute:)``.
    private(set) var port = 0
    private let process: Process
    private let input: Pipe
    private let recordingPath: String
    private let directory: URL

    /// `http://127.0.0.1:<port>`.
    var baseURL: String {
        "http://127.0.0.1:\(port)"
    }

    /// Starts a server that answers with `routes`, and with `defaultRoute` (or a Twilio 404) otherwise.
    ///
    /// Waits for the port off the cooperative thread pool, since Python can take a while to start
    /// when many tests start servers at once.
    static func start(routes: [Route], defaultRoute: Route? = nil) async throws -> RecordingServer {
        let output = Pipe()
        let server = try RecordingServer(routes: routes, defaultRoute: defaultRoute, output: output)
        let reader = output.fileHandleForReading
        server.port = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try readPort(from: reader) })
            }
        }
        return server
    }

    private init(routes: [Route], defaultRoute: Route?, output: Pipe) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("recording-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let configPath = directory.appendingPathComponent("config.json").path
        recordingPath = directory.appendingPathComponent("requests.jsonl").path

        var config: [String: Any] = ["routes": try routes.map { try $0.jsonObject() }]
        if let defaultRoute {
            config["default"] = try defaultRoute.jsonObject()
        }
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: configPath))
        _ = FileManager.default.createFile(atPath: recordingPath, contents: nil)

        input = Pipe()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.scriptPath, "--config", configPath, "--record", recordingPath]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Every line recorded so far: requests and disconnect events, in order.
    func records() throws -> [RecordedEvent] {
        let text = try String(contentsOfFile: recordingPath, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONDecoder().decode(RecordedEvent.self, from: Data(line.utf8))
        }
    }

    /// Every request recorded so far, in the order they arrived.
    func requests() throws -> [RecordedEvent] {
        try records().filter { $0.event == "request" }
    }

    /// Waits until a recorded line satisfies `condition`, checking every 20 ms for up to `limit`.
    ///
    /// - Returns: Whether such a line appeared in time.
    func waitForRecord(
        within limit: Duration = .seconds(5),
        where condition: (RecordedEvent) -> Bool
    ) async throws -> Bool {
        let end = ContinuousClock.now + limit
        while ContinuousClock.now < end {
            if try records().contains(where: condition) {
                return true
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    private static var scriptPath: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/recording_server.py")
            .path
    }

    private static func readPort(from handle: FileHandle) throws(ServerStartError) -> Int {
        var line: [UInt8] = []
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            guard !chunk.isEmpty else {
                throw ServerStartError(output: String(decoding: line, as: UTF8.self))
            }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(text) else {
            throw ServerStartError(output: text)
        }
        return port
    }
}

/// The recording server exited or printed something else than its port.
struct ServerStartError: Error, CustomStringConvertible {
    var output: String

    var description: String {
        "recording_server.py did not print its port; it printed: \(output)"
    }
}
