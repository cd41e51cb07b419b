internal import Foundation
internal import Testing

/// What `serve` says when it cannot start: one readable line, and a log that ends on the failure.
@Suite("Start-up failures")
struct StartupFailureTests {
    enum Port: String, CaseIterable, Sendable {
        case rpc = "RPC"
        case http = "HTTP"
    }

    @Test(
        "a port in use is named with its purpose and the system's reason; nothing claims to have started",
        arguments: Port.allCases
    )
    func portInUse(_ taken: Port) async throws {
        try await withGateway(arguments: ["--readiness-interval", "3600"]) { running in
            let busy = taken == .rpc ? try running.requireRPCPort() : running.httpPort
            let address = "127.0.0.1:\(busy)"
            let data = try TemporaryDirectory(prefix: "startup-failure")
            defer { data.remove() }
            let outcome = try await Program.run(
                GatewayProcess.executablePath,
                [
                    "serve", "--data-dir", data.url.path, "--readiness-interval", "3600",
                    "--rpc-addr", taken == .rpc ? address : "127.0.0.1:0",
                    "--http-addr", taken == .http ? address : "127.0.0.1:0",
                ],
                timeLimit: .seconds(20)
            )

            #expect(outcome.status == 1, "\(outcome)")
            let lines = outcome.errorOutput.split(separator: "\n").map(String.init)
            let expected = "cannot listen on \(address) for \(taken.rawValue): address already in use"
            #expect(lines.last == "serve: \(expected)", "\(outcome)")
            let logs = lines.dropLast().compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            }
            #expect(logs.last?["msg"] as? String == "gateway.start_failed", "\(outcome)")
            #expect(logs.last?["error"] as? String == expected, "\(outcome)")
            let messages = logs.compactMap { $0["msg"] as? String }
            #expect(!messages.contains("gateway.started"), "\(outcome)")
            #expect(!messages.contains("gateway.readiness.changed"), "\(outcome)")
        }
    }
}
