import Foundation

/// python3 with the protobuf package, and protoc, when this machine has them.
struct PythonTools: Sendable {
    /// What a finished process printed and how it exited.
    struct Outcome {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    let python: URL
    let protoc: URL

    /// The tools on `PATH`, or `nil` when one is missing or Python lacks `google.protobuf`.
    static func find() -> PythonTools? {
        guard let python = executable(named: "python3"), let protoc = executable(named: "protoc") else {
            return nil
        }
        guard let probe = try? run(python, ["-c", "import google.protobuf"]), probe.status == 0 else {
            return nil
        }
        return PythonTools(python: python, protoc: protoc)
    }

    /// Generates the Python classes of every .proto file under `protos` into `directory`.
    func generateClasses(from protos: URL, into directory: URL) throws -> Outcome {
        let files = try FileManager.default.subpathsOfDirectory(atPath: protos.path)
            .filter { $0.hasSuffix(".proto") }
            .sorted()
        return try Self.run(protoc, ["-I", protos.path, "--python_out=\(directory.path)"] + files)
    }

    /// Runs Python on `script` with `arguments`.
    ///
    /// - Parameter implementation: The value of `PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION`
    ///   (`python` or `upb`), or `nil` for the package's default.
    func runPython(_ script: URL, _ arguments: [String], implementation: String?) throws -> Outcome {
        var environment = ProcessInfo.processInfo.environment
        environment["PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION"] = implementation
        return try Self.run(python, [script.path] + arguments, environment: environment)
    }

    private static func executable(named name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `executable` to its end, with its output going to files so neither pipe can fill.
    private static func run(
        _ executable: URL,
        _ arguments: [String],
        environment: [String: String]? = nil
    ) throws -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outputURL = directory.appendingPathComponent("stdout")
        let errorURL = directory.appendingPathComponent("stderr")
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment {
            process.environment = environment
        }
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        process.waitUntilExit()

        return Outcome(
            status: process.terminationStatus,
            output: try contents(of: outputURL),
            errorOutput: try contents(of: errorURL)
        )
    }

    /// The text of a file, read through a handle: `Data(contentsOf:)` in this toolchain's
    /// Foundation leaks a buffer on each call, which AddressSanitizer reports.
    private static func contents(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        return String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
    }
}
