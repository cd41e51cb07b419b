import Foundation
import GatewayTestSupport

/// python3: with graphql-core, an independent reader of the derived schema; on its own, an
/// independent HTTP client.
enum Python {
    struct Outcome {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    /// Runs `python3 arguments…` like ``run(_:input:)``, but waits for its exit without blocking
    /// a thread, for peers that talk to a server in this process.
    static func runAsync(_ arguments: [String]) async throws -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = ["stdout", "stderr"].map { directory.appendingPathComponent($0) }
        for file in files {
            try Data().write(to: file)
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let handles = [try FileHandle(forWritingTo: files[0]), try FileHandle(forWritingTo: files[1])]
        defer { handles.closeAll() }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handles[0]
        process.standardError = handles[1]
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { process in
                continuation.resume(returning: process.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }

        return Outcome(
            status: status,
            output: try String(contentsOf: files[0], encoding: .utf8),
            errorOutput: try String(contentsOf: files[1], encoding: .utf8)
        )
    }

    /// Runs `python3 arguments…` with `input` on stdin; output goes through files so no pipe fills.
    static func run(_ arguments: [String], input: String = "") throws -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = ["stdin", "stdout", "stderr"].map { directory.appendingPathComponent($0) }
        try Data(input.utf8).write(to: files[0])
        try Data().write(to: files[1])
        try Data().write(to: files[2])

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let handles = [
            try FileHandle(forReadingFrom: files[0]), try FileHandle(forWritingTo: files[1]),
            try FileHandle(forWritingTo: files[2]),
        ]
        defer { handles.closeAll() }
        process.standardInput = handles[0]
        process.standardOutput = handles[1]
        process.standardError = handles[2]
        try process.run()
        process.waitUntilExit()

        return Outcome(
            status: process.terminationStatus,
            output: try String(contentsOf: files[1], encoding: .utf8),
            errorOutput: try String(contentsOf: files[2], encoding: .utf8)
        )
    }
}
