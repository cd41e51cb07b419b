internal import Foundation
internal import GatewayTestSupport
internal import Testing

/// `serve --tls-cert --tls-key` against the CLI's `--tls` options and Python's ssl module.
@Suite("serve with TLS on both ports")
struct TLSServeTests {
    /// What the Python HTTPS client saw.
    struct HTTPSOutcome: Decodable {
        var version: String?
        var healthz: String?
        var graphQL: String?
        var error: String?
    }

    static let httpsClient = """
        import http.client, json, ssl, sys
        port, cafile = int(sys.argv[1]), sys.argv[2]
        context = ssl.create_default_context(cafile=cafile)
        result = {}
        try:
            connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10)
            connection.request("GET", "/healthz")
            result["healthz"] = connection.getresponse().read().decode()
            result["version"] = connection.sock.version()
            body = json.dumps({"query": "{ twilio_gateway { version } }"})
            connection.request("POST", "/graphql", body=body, headers={"Content-Type": "application/json"})
            result["graphQL"] = connection.getresponse().read().decode()
        except Exception as error:
            result["error"] = type(error).__name__ + ": " + str(error)
        print(json.dumps(result))
        """

    @Test("send-sms --tls --tls-ca reaches a TLS gateway; without TLS or with the wrong CA it fails")
    func cliOverTLS() async throws {
        let certificates = try await TestCertificates.shared
        let gateway = try await GatewayProcess.start(arguments: [
            "--tls-cert", certificates.certificatePath, "--tls-key", certificates.privateKeyPath,
        ])
        do {
            try await Self.exercise(gateway, certificates)
        } catch {
            _ = await gateway.stop()
            throw error
        }
        let stop = await gateway.stop()
        #expect(!stop.killed)
        #expect(stop.termination == ChildProcess.Termination(status: 0, signalled: false))
    }

    private static func exercise(_ gateway: GatewayProcess, _ certificates: TestCertificates) async throws {
        let enabled = try #require(gateway.logs.first { $0["msg"] == "gateway.tls.enabled" })
        #expect(enabled["tls.certificate_subject"] == "/CN=twgw-test-server")
        #expect(gateway.logs.first { $0["msg"] == "gateway.started" }?["tls"] == "on")

        let rpcPort = try gateway.requireRPCPort()
        let from = try #require(gateway.sandbox?.numbers.first)
        let message = ["--to", "+14155550100", "--from", from, "--body", "over TLS"]
        let (sent, output) = try await SendSmsCommand.runJSON(
            rpcPort: rpcPort,
            message + ["--tls", "--tls-ca", certificates.caPath]
        )
        #expect(sent.status == 0, "\(sent)")
        #expect(output.sid?.hasPrefix("SM") == true)

        let (_, plain) = try await SendSmsCommand.runJSON(rpcPort: rpcPort, message + ["--timeout", "3"])
        #expect(plain.error?.code == "UNAVAILABLE")
        #expect(plain.error?.message.hasSuffix("the server may expect TLS (--tls)") == true, "\(plain)")

        let (_, untrusted) = try await SendSmsCommand.runJSON(
            rpcPort: rpcPort,
            message + ["--tls", "--tls-ca", certificates.untrustedCAPath]
        )
        #expect(untrusted.error?.code == "FAILED_PRECONDITION")
        #expect(untrusted.error?.retryable == false)
        #expect(untrusted.error?.message.contains("certificate verify failed") == true)

        let https = try await PythonPeer.runJSON(
            HTTPSOutcome.self,
            httpsClient,
            arguments: [String(gateway.httpPort), certificates.caPath]
        )
        #expect(https.error == nil)
        #expect(https.healthz?.contains("serving") == true)
        #expect(https.graphQL?.contains("\"version\"") == true)
        #expect(["TLSv1.2", "TLSv1.3"].contains(https.version ?? ""))
    }

    @Test("serve refuses a certificate without its key, and a key that is not the certificate's")
    func badConfiguration() async throws {
        let certificates = try await TestCertificates.shared
        let alone = try await Program.run(
            GatewayProcess.executablePath,
            ["serve", "--tls-cert", certificates.certificatePath],
            timeLimit: .seconds(20)
        )
        #expect(alone.status != 0)
        #expect(alone.errorOutput.contains("give both --tls-cert and --tls-key"))

        let mismatched = try await Program.run(
            GatewayProcess.executablePath,
            ["serve", "--tls-cert", certificates.certificatePath, "--tls-key", certificates.unrelatedKeyPath],
            timeLimit: .seconds(20)
        )
        #expect(mismatched.status != 0)
        #expect(mismatched.errorOutput.contains("does not belong to the certificate"))
        #expect(!mismatched.errorOutput.contains("PRIVATE KEY"))
    }

    @Test("--tls-ca without --tls is refused")
    func caWithoutTLS() async throws {
        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            ["send-sms", "--to", "+14155550100", "--from", "+15557654321", "--tls-ca", "/nonexistent"],
            timeLimit: .seconds(20)
        )
        #expect(outcome.status != 0)
        #expect(outcome.errorOutput.contains("--tls-ca and --tls-server-name need --tls"))
    }
}
