internal import Foundation
internal import Synchronization

/// A `twilio-gateway serve` process started for a test, with its log lines collected.
///
/// The gateway listens on ports the kernel picks (`127.0.0.1:0`); the `gateway.started` log
/// line says which. Stopping sends SIGTERM and waits for the process to exit (SIGKILL after
/// ten seconds), then for the last log line.
final class GatewayProcess: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What the `gateway.sandbox.enabled` line says about the built-in sandbox.
    struct Sandbox: Sendable {
        var accountSID: String
        var messagingServiceSID: String
        var numbers: [String]
    }

    /// How a stop ended.
    struct Stop: Sendable {
        var termination: ChildProcess.Termination
        /// Whether SIGTERM was not enough and SIGKILL ended the process.
        var killed: Bool
    }

    /// The RPC port, or `nil` for a GraphQL-only gateway (one started with `--upstream`).
    let rpcPort: Int?
    let httpPort: Int
    /// `sandbox`, `live` or `graphql-only`, from the started line.
    let mode: String
    /// The sandbox's account, in sandbox mode.
    let sandbox: Sandbox?
    /// The API key ``start(arguments:environment:)`` created before starting a live-mode gateway
    /// (one with Twilio credentials or a vault key in its environment), which needs keys; `nil`
    /// in sandbox mode, which runs open while no key exists.
    let apiKey: String?
    private let child: ChildProcess
    private let logLines: LogLines
    private let dataDirectory: TemporaryDirectory
    private let stopping = Mutex<Task<Stop, Never>?>(nil)

    /// The directory holding the executables built with the tests.
    static var productsDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// The path of the `twilio-gateway` executable.
    static var executablePath: String {
        productsDirectory.appendingPathComponent("twilio-gateway").path
    }

    /// Starts `twilio-gateway serve` on `127.0.0.1:0` with `arguments` and extra environment
    /// variables (the test's own `TWILIO_*` and `GATEWAY_*` variables are left out).
    /// A `--data-dir` among `arguments` replaces the temporary data directory it gets otherwise.
    ///
    /// - Throws: When the gateway exits or prints no `gateway.started` line within 30 seconds;
    ///   the process is stopped then.
    static func start(arguments: [String] = [], environment: [String: String] = [:]) async throws -> GatewayProcess {
        let dataDirectory = try TemporaryDirectory(prefix: "gateway-data")
        let apiKey: String?
        do {
            let isLive = environment["TWILIO_ACCOUNT_SID"] != nil || environment["GATEWAY_MASTER_KEY"] != nil
            let path = arguments.firstIndex(of: "--data-dir").map { arguments[$0 + 1] } ?? dataDirectory.url.path
            apiKey = isLive ? try await createAPIKey(dataDirectory: path) : nil
        } catch {
            dataDirectory.remove()
            throw error
        }
        let errorPipe = Pipe()
        let child: ChildProcess
        do {
            child = try ChildProcess(
                executablePath,
                ["serve", "--rpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0"]
                    + (arguments.contains("--data-dir") ? [] : ["--data-dir", dataDirectory.url.path])
                    + arguments,
                environment: Program.cleanEnvironment.merging(environment) { _, new in new },
                input: FileHandle.nullDevice,
                output: FileHandle.nullDevice,
                error: errorPipe
            )
        } catch {
            dataDirectory.remove()
            throw error
        }
        let lines = LogLines()
        lines.collect(from: errorPipe.fileHandleForReading)

        do {
            let started = try await lines.waitFor(message: "gateway.started")
            let sandbox = lines.decoded.first { $0["msg"] == "gateway.sandbox.enabled" }
            return try GatewayProcess(
                child: child,
                logLines: lines,
                dataDirectory: dataDirectory,
                started: started,
                sandboxLine: sandbox,
                apiKey: apiKey
            )
        } catch {
            _ = await child.stop(grace: .seconds(2))
            dataDirectory.remove()
            throw error
        }
    }

    private init(
        child: ChildProcess,
        logLines: LogLines,
        dataDirectory: TemporaryDirectory,
        started: [String: String],
        sandboxLine: [String: String]?,
        apiKey: String?
    ) throws {
        guard let http = started["http.address"].flatMap(Self.port(of:)), let mode = started["mode"] else {
            throw Failure(description: "gateway.started did not name the HTTP address and the mode: \(started)")
        }
        let rpc = started["rpc.address"].flatMap(Self.port(of:))
        guard (rpc == nil) == (mode == "graphql-only") else {
            throw Failure(description: "gateway.started names no RPC address outside graphql-only mode: \(started)")
        }
        self.child = child
        self.logLines = logLines
        self.dataDirectory = dataDirectory
        self.rpcPort = rpc
        self.httpPort = http
        self.mode = mode
        self.apiKey = apiKey
        if let apiKey {
            GatewayAPIKeys.register(apiKey, ports: [http] + (rpc.map { [$0] } ?? []))
        }
        self.sandbox = sandboxLine.map { line in
            Sandbox(
                accountSID: line["sandbox.account_sid"] ?? "",
                messagingServiceSID: line["sandbox.messaging_service_sid"] ?? "",
                numbers: (line["sandbox.numbers"] ?? "").split(separator: ",").map(String.init)
            )
        }
    }

    /// The gateway's data directory (removed by ``stop()``).
    var dataDirectoryPath: String {
        dataDirectory.url.path
    }

    /// The RPC port; fails the test for a GraphQL-only gateway.
    func requireRPCPort() throws -> Int {
        guard let rpcPort else {
            throw Failure(description: "this gateway runs in \(mode) mode and has no RPC port")
        }
        return rpcPort
    }

    /// Every log line printed so far that is a JSON object, with its string members.
    var logs: [[String: String]] {
        logLines.decoded
    }

    /// Every log line printed so far, as printed.
    var rawLogs: [String] {
        logLines.raw
    }

    /// Waits for the first log line whose `msg` is `message`.
    ///
    /// - Throws: When the gateway exits, or prints no such line within `timeout`.
    func waitForLog(_ message: String, timeout: Duration = .seconds(10)) async throws -> [String: String] {
        try await logLines.waitFor(message: message, timeout: timeout)
    }

    /// Sends `signal` to the gateway, if it still runs, and returns at once.
    func send(_ signal: Int32) {
        child.send(signal)
    }

    /// Waits at most `limit` for the gateway to exit on its own; `nil` if it still runs.
    func waitForExit(within limit: Duration) async -> ChildProcess.Termination? {
        await child.waitForExit(within: limit)
    }

    /// Sends SIGTERM, waits for the exit and the last log line, and removes the data directory.
    ///
    /// Calling it again returns the first stop's result.
    @discardableResult
    func stop() async -> Stop {
        let task = stopping.withLock { task in
            if let task {
                return task
            }
            let ports = [httpPort] + (rpcPort.map { [$0] } ?? [])
            let started = Task { [child, logLines, dataDirectory] in
                let (termination, killed) = await child.stop()
                GatewayAPIKeys.remove(ports: ports)
                await logLines.waitUntilClosed(timeout: .seconds(5))
                dataDirectory.remove()
                return Stop(termination: termination, killed: killed)
            }
            task = started
            return started
        }
        return await task.value
    }

    /// Runs `keys create` on `dataDirectory` and returns the key it printed.
    static func createAPIKey(dataDirectory: String, scopes: [String] = []) async throws -> String {
        let outcome = try await Program.run(
            executablePath,
            ["keys", "create", "--name", "integration-tests", "--data-dir", dataDirectory]
                + scopes.flatMap { ["--scope", $0] }
        )
        let line = outcome.output.split(separator: "\n").first { $0.hasPrefix("key:") }
        guard outcome.termination.status == 0, let key = line?.split(separator: " ").last else {
            throw Failure(description: "keys create printed no key: \(outcome)")
        }
        return String(key)
    }

    private static func port(of address: String) -> Int? {
        address.split(separator: ":").last.flatMap { Int($0) }
    }
}

/// Runs `body` with a started gateway and stops the gateway afterwards, also when `body` throws.
func withGateway<Result>(
    arguments: [String] = [],
    environment: [String: String] = [:],
    _ body: (GatewayProcess) async throws -> Result
) async throws -> Result {
    let gateway = try await GatewayProcess.start(arguments: arguments, environment: environment)
    do {
        let result = try await body(gateway)
        await gateway.stop()
        return result
    } catch {
        await gateway.stop()
        throw error
    }
}
