import Foundation
import Synchronization

/// A `twilio-gateway` executable started for a test, with its log lines collected.
///
/// The gateway listens on ports the kernel picks (`127.0.0.1:0`); the `gateway.started` log
/// line says which. Stopping sends SIGTERM and waits for the process to exit.
final class GatewayProcess: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let rpcPort: Int
    let httpPort: Int
    let dataDirectory: URL
    private let process: Process
    private let logLines: LogLines

    /// The directory holding the executables built with the tests.
    static var productsDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// The path of the `twilio-gateway` executable.
    static var executablePath: String {
        productsDirectory.appendingPathComponent("twilio-gateway").path
    }

    /// Starts `twilio-gateway serve` with `arguments` and extra environment variables.
    static func start(arguments: [String] = [], environment: [String: String] = [:]) async throws -> GatewayProcess {
        let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gateway-\(UUID().uuidString)"
        )
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments =
            ["serve", "--rpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0", "--data-dir", dataDirectory.path]
            + arguments
        var variables = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("TWILIO_") && !$0.key.hasPrefix("GATEWAY_")
        }
        variables.merge(environment) { _, new in new }
        process.environment = variables
        let lines = LogLines()
        let errorPipe = Pipe()
        errorPipe.fileHandleForReading.readabilityHandler = { handle in
            lines.append(handle.availableData)
        }
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let started = try await lines.waitFor(message: "gateway.started", timeout: .seconds(30), process: process)
        guard let rpc = started["rpc.address"].flatMap(port(of:)), let http = started["http.address"].flatMap(port(of:))
        else {
            process.terminate()
            throw Failure(description: "gateway.started did not name both addresses: \(started)")
        }
        return GatewayProcess(
            process: process,
            logLines: lines,
            rpcPort: rpc,
            httpPort: http,
            dataDirectory: dataDirectory
        )
    }

    private init(process: Process, logLines: LogLines, rpcPort: Int, httpPort: Int, dataDirectory: URL) {
        self.process = process
        self.logLines = logLines
        self.rpcPort = rpcPort
        self.httpPort = httpPort
        self.dataDirectory = dataDirectory
    }

    /// Every log line printed so far, decoded.
    var logs: [[String: String]] {
        logLines.decoded
    }

    /// Every log line printed so far, as printed.
    var rawLogs: [String] {
        logLines.raw
    }

    /// Sends SIGTERM and waits for the exit status.
    @discardableResult
    func stop() async -> Int32 {
        if process.isRunning {
            process.terminate()
        }
        while process.isRunning {
            try? await Task.sleep(for: .milliseconds(20))
        }
        try? FileManager.default.removeItem(at: dataDirectory)
        return process.terminationStatus
    }

    private static func port(of address: String) -> Int? {
        address.split(separator: ":").last.flatMap { Int($0) }
    }
}

/// The lines a process wrote to standard error, split and decoded as they arrive.
final class LogLines: Sendable {
    private let state = Mutex<(pending: [UInt8], lines: [String])>(([], []))

    func append(_ data: Data) {
        state.withLock { state in
            state.pending += data
            while let newline = state.pending.firstIndex(of: UInt8(ascii: "\n")) {
                state.lines.append(String(decoding: state.pending[..<newline], as: UTF8.self))
                state.pending.removeSubrange(...newline)
            }
        }
    }

    var raw: [String] {
        state.withLock { $0.lines }
    }

    var decoded: [[String: String]] {
        raw.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: String]
        }
    }

    /// Waits until a line with `msg` equal to `message` arrives.
    func waitFor(message: String, timeout: Duration, process: Process) async throws -> [String: String] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = decoded.first(where: { $0["msg"] == message }) {
                return line
            }
            guard process.isRunning else {
                throw GatewayProcess.Failure(description: "the gateway exited: \(raw.joined(separator: "\n"))")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw GatewayProcess.Failure(
            description: "no \(message) line within \(timeout): \(raw.joined(separator: "\n"))"
        )
    }
}
