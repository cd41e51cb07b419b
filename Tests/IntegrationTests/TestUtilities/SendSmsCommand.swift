internal import Foundation

/// `twilio-gateway send-sms`, run as a separate process against a gateway's RPC port.
enum SendSmsCommand {
    /// What `send-sms --json` prints: the message, or `error`.
    struct JSONOutput: Decodable, Sendable {
        /// A failed call as the command reports it.
        struct Failure: Decodable, Sendable {
            var code: String
            var message: String
            var twilioCode: Int?
            var moreInfo: String?
            var retryable: Bool
        }

        var sid: String?
        var status: String?
        var to: String?
        var from: String?
        var messagingServiceSid: String?
        var body: String?
        var error: Failure?
    }

    /// Runs `twilio-gateway send-sms --rpc-addr 127.0.0.1:<rpcPort>` with `arguments`, and
    /// `GATEWAY_API_KEY` set to `apiKey` (by default the key ``GatewayAPIKeys`` holds for the
    /// port, if any).
    static func run(rpcPort: Int, apiKey: String? = nil, _ arguments: [String]) async throws -> Program.Outcome {
        try await Program.run(
            GatewayProcess.executablePath,
            ["send-sms", "--rpc-addr", "127.0.0.1:\(rpcPort)"] + arguments,
            environment: (apiKey ?? GatewayAPIKeys.key(forPort: rpcPort)).map { ["GATEWAY_API_KEY": $0] } ?? [:]
        )
    }

    /// Runs the command with `--json` and decodes what it printed.
    static func runJSON(rpcPort: Int, apiKey: String? = nil, _ arguments: [String]) async throws
        -> (Program.Outcome, JSONOutput)
    {
        let outcome = try await run(rpcPort: rpcPort, apiKey: apiKey, arguments + ["--json"])
        do {
            return (outcome, try JSONDecoder().decode(JSONOutput.self, from: Data(outcome.output.utf8)))
        } catch {
            throw Program.Failure(description: "send-sms --json printed no JSON object (\(error)): \(outcome)")
        }
    }
}
