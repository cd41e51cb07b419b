internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#endif

/// A live-mode `twilio-gateway serve` on a data directory the test keeps, so that it can be
/// killed with SIGKILL and started again on the same directory. Twilio itself is a closed
/// port on 127.0.0.1: nothing here ever leaves the machine.
struct KillableGateway {
    static let accountSID = "AC" + String(repeating: "5a", count: 16)
    static let authToken = "crash-test-auth-token-0123456789"
    static let publicURL = "https://gw.example.test"

    let child: ChildProcess
    let logLines: LogLines
    let httpPort: Int

    /// Starts the gateway on `dataDirectory` and waits for its `gateway.started` line.
    static func start(dataDirectory: URL, twilioPort: Int) async throws -> KillableGateway {
        let errorPipe = Pipe()
        let child = try ChildProcess(
            GatewayProcess.executablePath,
            [
                "serve", "--rpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0", "--data-dir", dataDirectory.path,
                "--log-level", "notice",
            ],
            environment: Program.cleanEnvironment.merging([
                "TWILIO_ACCOUNT_SID": accountSID, "TWILIO_AUTH_TOKEN": authToken,
                "TWILIO_API_BASE_URL": "http://127.0.0.1:\(twilioPort)",
                "TWILIO_VERIFY_BASE_URL": "http://127.0.0.1:\(twilioPort)", "GATEWAY_PUBLIC_URL": publicURL,
            ]) { _, new in new },
            input: FileHandle.nullDevice,
            output: FileHandle.nullDevice,
            error: errorPipe
        )
        let lines = LogLines()
        lines.collect(from: errorPipe.fileHandleForReading)
        do {
            let started = try await lines.waitFor(message: "gateway.started")
            guard let port = started["http.address"]?.split(separator: ":").last.flatMap({ Int($0) }) else {
                throw GatewayProcess.Failure(description: "gateway.started names no HTTP port: \(started)")
            }
            return KillableGateway(child: child, logLines: lines, httpPort: port)
        } catch {
            _ = await child.stop(grace: .seconds(2))
            throw error
        }
    }

    /// Kills the process with SIGKILL and waits until it is gone.
    func kill() async {
        child.send(SIGKILL)
        _ = await child.waitForExit()
    }
}
