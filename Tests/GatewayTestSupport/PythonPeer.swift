internal import Foundation

/// Runs `python3` (or another command-line client such as `curl`) as an independent HTTP peer
/// and collects what it prints.
///
/// The scripts use Python's own HTTP code (`http.client`, `urllib`, `socket`), so the bytes on
/// the wire come from code that shares nothing with the server under test.
public enum PythonPeer {
    /// What the peer printed and how it exited.
    public struct Result: Sendable {
        /// The exit status.
        public var exitCode: Int32
        /// Everything written to standard output.
        public var stdout: String
        /// Everything written to standard error.
        public var stderr: String
    }

    /// The peer could not be run, or printed something unexpected.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String

        /// Creates a failure that says what went wrong.
        public init(description: String) {
            self.description = description
        }
    }

    /// Runs `script` with `arguments`; kills it after `timeout`.
    public static func run(_ script: String, arguments: [String] = [], timeout: Duration = .seconds(60)) async throws
        -> Result
    {
        try await runCommand(["python3", "-c", script] + arguments, timeout: timeout)
    }

    /// Runs `command` (looked up on `PATH`); kills it after `timeout`.
    ///
    /// Output goes to temporary files and the exit is awaited through `terminationHandler`, so
    /// no thread blocks while the peer runs (blocking Dispatch's few worker threads starves the
    /// server's own tasks).
    public static func runCommand(_ command: [String], timeout: Duration = .seconds(60)) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory
        let outputURL = directory.appendingPathComponent("peer-\(UUID().uuidString).out")
        let errorURL = directory.appendingPathComponent("peer-\(UUID().uuidString).err")
        for url in [outputURL, errorURL] where !FileManager.default.createFile(atPath: url.path, contents: nil) {
            throw Failure(description: "cannot create \(url.path) for the peer's output")
        }
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.lowercased().hasSuffix("_proxy") }
        environment["NO_PROXY"] = "*"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        process.standardInput = FileHandle.nullDevice

        let exitCode: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { process in
                continuation.resume(returning: process.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + Double(timeout.components.seconds)) {
                if process.isRunning {
                    process.terminate()
                }
            }
        }
        return Result(
            exitCode: exitCode,
            stdout: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self)
        )
    }

    /// Runs `script` and decodes its standard output as JSON of type `T`.
    public static func runJSON<T: Decodable>(
        _ type: T.Type,
        _ script: String,
        arguments: [String] = [],
        timeout: Duration = .seconds(60)
    ) async throws -> T {
        let result = try await run(script, arguments: arguments, timeout: timeout)
        guard result.exitCode == 0 else {
            throw Failure(description: "python3 exited with \(result.exitCode): \(result.stderr)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(result.stdout.utf8))
        } catch {
            throw Failure(description: "python3 printed no valid JSON (\(error)): \(result.stdout) \(result.stderr)")
        }
    }
}
