internal import Foundation
internal import GatewayTestSupport
internal import Testing

/// `serve --tls-cert --tls-key` in sandbox mode with a certificate from a private CA: the
/// sandbox's webhooks reach the gateway's HTTPS port, because the sandbox trusts the gateway's
/// own certificate.
@Suite("Sandbox webhooks to a gateway serving TLS")
struct SandboxTLSWebhookTests {
    @Test("a sent message's status callbacks, an inbound SMS and an inbound call reach the gateway over HTTPS")
    func webhooksOverTLS() async throws {
        let certificates = try await TestCertificates.shared
        let arguments = [
            "--tls-cert", certificates.certificatePath, "--tls-key", certificates.privateKeyPath, "--log-level",
            "debug",
        ]
        try await withGateway(arguments: arguments) { gateway in
            let rpcPort = try gateway.requireRPCPort()
            let tls = ["--tls", "--tls-ca", certificates.caPath]
            let from = try #require(gateway.sandbox?.numbers.first)
            let (sent, message) = try await SendSmsCommand.runJSON(
                rpcPort: rpcPort,
                ["--to", "+14155550170", "--from", from, "--body", "status over TLS"] + tls
            )
            #expect(sent.status == 0, "\(sent)")
            let sid = try #require(message.sid)

            let statuses = try await Self.waitForEvents(gateway, ["--sid", sid] + tls) { events in
                events.contains { $0["status"] as? String == "delivered" }
            }
            // Each of these is a status callback the sandbox made over HTTPS; a message from a
            // number starts queued, which has no callback.
            #expect(statuses.compactMap { $0["status"] as? String } == ["sending", "sent", "delivered"])

            let inbound = try await Program.run(
                GatewayProcess.executablePath,
                ["sandbox", "sms", "--from", "+14155550171", "--to", from, "--body", "inbound over TLS"]
                    + ["--http-addr", "127.0.0.1:\(gateway.httpPort)"] + tls
            )
            #expect(inbound.status == 0, "\(inbound)")
            let received = try await Self.waitForEvents(
                gateway,
                ["--type", "sms.inbound", "--phone", "+14155550171"] + tls
            ) {
                !$0.isEmpty
            }
            #expect((received.first?["parameters"] as? [String: String])?["Body"] == "inbound over TLS")

            let call = try await Program.run(
                GatewayProcess.executablePath,
                [
                    "sandbox", "call", "--from", "+14155550172", "--to", from, "--http-addr",
                    "127.0.0.1:\(gateway.httpPort)",
                ]
                    + tls
            )
            #expect(call.status == 0, "\(call)")
            #expect(call.output.contains("<Response>"))

            let deliveries = gateway.logs.filter { $0["msg"] == "twilio.sandbox.callback.delivered" }
            #expect(deliveries.count >= 3)
            #expect(deliveries.allSatisfy { $0["callback.result"]?.hasPrefix("http 2") == true }, "\(deliveries)")
        }
    }

    @Test("sandbox sms --tls-ca without --tls is refused")
    func caWithoutTLS() async throws {
        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            ["sandbox", "sms", "--from", "+14155550171", "--to", "+15005550006", "--body", "x", "--tls-ca", "/none"],
            timeLimit: .seconds(20)
        )
        #expect(outcome.status != 0)
        #expect(outcome.errorOutput.contains("--tls-ca needs --tls"))
    }

    /// Runs `events --json <arguments>` every 200 ms until `done` accepts what it printed, for
    /// up to 15 seconds, and returns the last events read.
    private static func waitForEvents(
        _ gateway: GatewayProcess,
        _ arguments: [String],
        until done: ([[String: Any]]) -> Bool
    ) async throws -> [[String: Any]] {
        var events: [[String: Any]] = []
        for _ in 0..<75 {
            let listed = try await EventsCommandTests.run(gateway, ["--json"] + arguments)
            try #require(listed.status == 0, "\(listed)")
            events = try EventsCommandTests.objects(listed.output)
            if done(events) {
                return events
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        return events
    }
}
