internal import Foundation
internal import GatewayAPI
internal import GatewayClient
internal import RPCCore
internal import Testing

/// `keys create|list|revoke` and a running sandbox gateway that needs keys once one exists.
@Suite("API keys on a running gateway")
struct APIKeyGatewayTests {
    static let request = SendSmsRequest(to: "+15551234567", sender: .from("+15557654321"), body: "Your code is 123456")

    static func keys(_ arguments: [String], dataDirectory: String) async throws -> Program.Outcome {
        try await Program.run(GatewayProcess.executablePath, ["keys"] + arguments + ["--data-dir", dataDirectory])
    }

    /// The code `SendSms` ends with over RPC (`ok` on success) when `key` is sent.
    static func rpcCode(_ gateway: GatewayProcess, key: String?) async throws -> RPCStatusCode {
        try await withGatewayClient(port: try gateway.requireRPCPort(), apiKey: key) { client in
            do {
                _ = try await client.sendSms(request)
                return .ok
            } catch let error as RPCError {
                return error.code
            }
        }
    }

    /// The `twilio_sendSms` mutation over GraphQL with `key` as its bearer token.
    static func graphQL(_ gateway: GatewayProcess, key: String?) async throws -> HTTPClient.Response {
        try await HTTPClient.postGraphQL(DocumentedOperations.sendSms, port: gateway.httpPort, apiKey: key)
    }

    @Test("a sandbox without keys is open and says so at start")
    func openSandbox() async throws {
        try await withGateway { gateway in
            let line = try await gateway.waitForLog("gateway.auth.open")
            #expect(line["level"] == "warning")
            #expect(line["note"]?.contains("callers are not authenticated (sandbox mode, no API keys)") == true)
            #expect(try await Self.rpcCode(gateway, key: nil) == .ok)
        }
    }

    @Test("--require-api-keys without any key refuses every call but the health check, and says how to fix it")
    func requiredWithoutKeys() async throws {
        try await withGateway(arguments: ["--require-api-keys"]) { gateway in
            let line = try await gateway.waitForLog("gateway.auth.no_keys")
            #expect(line["note"]?.contains("twilio-gateway keys create") == true)
            #expect(try await Self.rpcCode(gateway, key: nil) == .unauthenticated)
            _ = try await withGatewayClient(port: try gateway.requireRPCPort()) { try await $0.checkHealth() }
            let healthz = try await HTTPClient.get("/healthz", port: gateway.httpPort)
            #expect(healthz.status == 200)
        }
    }

    @Test("every caller outcome over RPC and GraphQL, and revocation while the gateway runs")
    func outcomes() async throws {
        let directory = try TemporaryDirectory(prefix: "keys")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let verifyOnly = try await GatewayProcess.createAPIKey(dataDirectory: data, scopes: ["Verify.*"])
        let sender = try await GatewayProcess.createAPIKey(dataDirectory: data, scopes: ["Messaging.SendSms"])
        let wildcard = try await GatewayProcess.createAPIKey(dataDirectory: data)
        let unknown = "tgw_0123456789abcdef_" + String(repeating: "A", count: 43)
        let wrongSecret = String(sender.prefix(21)) + String(repeating: "B", count: 43)

        try await withGateway(arguments: ["--data-dir", data]) { gateway in
            _ = try await gateway.waitForLog("gateway.auth.enforced")
            for key in [nil, "not-a-key", unknown, wrongSecret] {
                #expect(try await Self.rpcCode(gateway, key: key) == .unauthenticated, "\(key ?? "no key")")
                let response = try await Self.graphQL(gateway, key: key)
                #expect(response.status == 401, "\(response.body)")
                #expect(response.body.contains("UNAUTHENTICATED"), "\(response.body)")
            }
            #expect(try await Self.rpcCode(gateway, key: verifyOnly) == .permissionDenied)
            let denied = try await Self.graphQL(gateway, key: verifyOnly)
            #expect(denied.status == 403, "\(denied.body)")
            #expect(denied.body.contains("the field twilio_sendSms calls twilio.gateway.v1.Messaging/SendSms"))
            for key in [sender, wildcard] {
                #expect(try await Self.rpcCode(gateway, key: key) == .ok)
                let response = try await Self.graphQL(gateway, key: key)
                #expect(response.status == 200, "\(response.body)")
                #expect(!response.body.contains("errors"), "\(response.body)")
            }

            try await Self.expectSendSmsCommand(gateway, key: sender, directory: directory)

            let id = String(sender.dropFirst(4).prefix(16))
            let revoke = try await Self.keys(["revoke", id], dataDirectory: data)
            #expect(revoke.status == 0, "\(revoke)")
            #expect(revoke.output == "revoked API key \(id)\n")
            #expect(try await Self.rpcCode(gateway, key: sender) == .unauthenticated)
            #expect(try await Self.graphQL(gateway, key: sender).status == 401)
            #expect(try await Self.rpcCode(gateway, key: wildcard) == .ok)

            let list = try await Self.keys(["list"], dataDirectory: data)
            #expect(list.status == 0, "\(list)")
            let rows = list.output.split(separator: "\n")
            #expect(rows.count == 4, "\(list)")
            #expect(rows.first?.hasPrefix("ID") == true)
            let revokedRow = try #require(rows.first { $0.hasPrefix(id) })
            #expect(revokedRow.contains("twilio.gateway.v1.Messaging/SendSms"))
            #expect(!revokedRow.hasSuffix("-"), "the revoked key shows when: \(revokedRow)")

            let refusals = gateway.rawLogs.filter { $0.contains("\"auth.refused\"") }
            #expect(refusals.count >= 10)
            for secret in [verifyOnly, sender, wildcard].map({ String($0.dropFirst(21)) }) {
                #expect(!gateway.rawLogs.contains { $0.contains(secret) }, "a log line holds a key's secret")
                #expect(!list.output.contains(secret))
                for name in try FileManager.default.contentsOfDirectory(atPath: data) {
                    let bytes = try Data(contentsOf: URL(fileURLWithPath: data + "/" + name))
                    #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(name) holds a key's secret")
                }
            }
        }
    }

    /// `send-sms` takes its key from `--api-key-file` or `GATEWAY_API_KEY` (both trimmed), and
    /// fails without one.
    static func expectSendSmsCommand(_ gateway: GatewayProcess, key: String, directory: TemporaryDirectory)
        async throws
    {
        let keyFile = directory.file("api.key")
        try Data((key + "\n").utf8).write(to: keyFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
        let arguments = [
            "send-sms", "--rpc-addr", "127.0.0.1:\(try gateway.requireRPCPort())", "--to", "+15551234567", "--from",
            "+15557654321", "--body", "hello",
        ]
        let fromFile = try await Program.run(
            GatewayProcess.executablePath,
            arguments + ["--api-key-file", keyFile.path]
        )
        #expect(fromFile.status == 0, "\(fromFile)")
        let fromEnvironment = try await Program.run(
            GatewayProcess.executablePath,
            arguments,
            environment: ["GATEWAY_API_KEY": key]
        )
        #expect(fromEnvironment.status == 0, "\(fromEnvironment)")
        let padded = try await Program.run(
            GatewayProcess.executablePath,
            arguments,
            environment: ["GATEWAY_API_KEY": " " + key + " \n"]
        )
        #expect(padded.status == 0, "GATEWAY_API_KEY is trimmed like the key file: \(padded)")
        let without = try await Program.run(GatewayProcess.executablePath, arguments)
        #expect(without.status == 1, "\(without)")
        #expect(without.errorOutput.contains("missing API key"), "\(without)")
    }

    @Test("keys create prints the key once with its ID and scopes, and refuses unknown scopes")
    func createOutput() async throws {
        let directory = try TemporaryDirectory(prefix: "keys")
        defer { directory.remove() }
        let created = try await Self.keys(
            [
                "create", "--name", "login page", "--scope", "Verify.StartVerification", "--scope",
                "Verify.CheckVerification",
            ],
            dataDirectory: directory.url.path
        )
        #expect(created.status == 0, "\(created)")
        let lines = created.output.split(separator: "\n")
        #expect(lines.count == 4, "\(created)")
        #expect(lines[1] == "name:   login page")
        #expect(
            lines[2]
                == "scopes: twilio.gateway.v1.Verify/StartVerification twilio.gateway.v1.Verify/CheckVerification"
        )
        #expect(lines[3].hasPrefix("key:    tgw_\(lines[0].dropFirst("id:     ".count))_"))
        #expect(created.errorOutput.contains("shown only this once"))

        let bad = try await Self.keys(
            ["create", "--name", "x", "--scope", "Fax.Send"],
            dataDirectory: directory.url.path
        )
        #expect(bad.status == 1)
        #expect(bad.errorOutput.contains("unknown scope 'Fax.Send'; valid scopes are: *, "), "\(bad)")
        #expect(bad.errorOutput.contains("Verify.StartVerification"))

        let list = try await Self.keys(["list"], dataDirectory: directory.url.path)
        #expect(list.output.split(separator: "\n").count == 2, "\(list)")
        #expect(!list.output.contains(String(lines[3].dropFirst("key:    ".count + 21))))
    }

    @Test("keys create refuses a name with control characters, and list and revoke refuse a missing data directory")
    func badNamesAndDirectories() async throws {
        let directory = try TemporaryDirectory(prefix: "keys")
        defer { directory.remove() }
        let escape = try await Self.keys(["create", "--name", "\u{1B}[2Jweb\tpage"], dataDirectory: directory.url.path)
        #expect(escape.status == 1)
        #expect(escape.errorOutput.contains("1 to 64 printable characters"), "\(escape)")

        let missing = directory.url.path + "/typo"
        for arguments in [["list"], ["revoke", "0000000000000000"]] {
            let outcome = try await Self.keys(arguments, dataDirectory: missing)
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.errorOutput.contains("the data directory '\(missing)' does not exist"), "\(outcome)")
            #expect(!outcome.output.contains("no API keys"))
        }
    }

    @Test("revoking a key ends its idle events --follow with UNAUTHENTICATED", .timeLimit(.minutes(1)))
    func revokeEndsFollower() async throws {
        let directory = try TemporaryDirectory(prefix: "keys")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let key = try await GatewayProcess.createAPIKey(dataDirectory: data)
        try await withGateway(arguments: ["--data-dir", data]) { gateway in
            let follower = try FollowingProcess(
                rpcPort: try gateway.requireRPCPort(),
                [],
                environment: ["GATEWAY_API_KEY": key]
            )
            for _ in 0..<1500 where !gateway.logs.contains(where: { $0["msg"] == "events.subscription.started" }) {
                try await Task.sleep(for: .milliseconds(10))
            }
            try #require(gateway.logs.contains { $0["msg"] == "events.subscription.started" })

            let revoke = try await Self.keys(["revoke", String(key.dropFirst(4).prefix(16))], dataDirectory: data)
            #expect(revoke.status == 0, "\(revoke)")
            let termination = await follower.child.waitForExit(within: .seconds(30))
            #expect(termination == ChildProcess.Termination(status: 1, signalled: false), "\(follower.errorOutput)")
            let last = try #require(follower.lines.last.map { Data($0.utf8) })
            let error = (try JSONSerialization.jsonObject(with: last) as? [String: Any])?["error"] as? [String: Any]
            #expect(error?["code"] as? String == "UNAUTHENTICATED", "\(follower.lines)")
            #expect(gateway.rawLogs.contains { $0.contains("\"auth.recheck\":\"true\"") })
        }
    }
}
