internal import Foundation
internal import Testing

/// The `Authorization` header on a running gateway's GraphQL endpoint, read as the RPC metadata
/// is: whitespace around the value, `Bearer` with nothing after it, the scheme sent twice; and
/// the client commands, which refuse a key kept with the scheme in front of it.
@Suite("The Authorization value on a running gateway")
struct AuthorizationValueGatewayTests {
    @Test("GraphQL: a trailing space is not part of the key, an empty or doubled Bearer says what to fix")
    func graphQL() async throws {
        let directory = try TemporaryDirectory(prefix: "keys")
        defer { directory.remove() }
        let data = directory.url.path + "/data"
        let key = try await GatewayProcess.createAPIKey(dataDirectory: data)

        try await withGateway(arguments: ["--data-dir", data]) { gateway in
            _ = try await gateway.waitForLog("gateway.auth.enforced")
            let padded = try await HTTPClient.postGraphQL("{ __typename }", port: gateway.httpPort, apiKey: key + " ")
            #expect(padded.status == 200, "\(padded.body)")

            let empty = try await HTTPClient.postGraphQL("{ __typename }", port: gateway.httpPort, apiKey: "")
            #expect(empty.status == 401)
            #expect(
                empty.body.contains("missing API key after Bearer: send the header Authorization: Bearer <key>"),
                "\(empty.body)"
            )

            let doubled = try await HTTPClient.postGraphQL(
                "{ __typename }",
                port: gateway.httpPort,
                apiKey: "Bearer " + key
            )
            #expect(doubled.status == 401)
            #expect(
                doubled.body.contains(
                    "Bearer appears twice: send the header Authorization: Bearer <key> with the key alone (tgw_…), "
                        + "and remove 'Bearer ' from where the key is kept"
                ),
                "\(doubled.body)"
            )

            let refusals = gateway.logs.filter { $0["msg"] == "auth.refused" }
            #expect(refusals.count == 2)
            #expect(refusals.allSatisfy { $0["http.peer"] == "127.0.0.1" }, "\(refusals)")
            #expect(!gateway.rawLogs.contains { $0.contains(key.dropFirst(21)) }, "a log line holds the key's secret")
        }
    }

    @Test(
        "a client command refuses a key kept with the scheme in front of it, before it calls",
        arguments: ["Bearer ", "bearer\t"]
    )
    func clientCommand(scheme: String) async throws {
        let directory = try TemporaryDirectory(prefix: "keys")
        defer { directory.remove() }
        let key = "tgw_0123456789abcdef_" + String(repeating: "A", count: 43)
        let keyFile = directory.file("api.key")
        try Data((scheme + key + "\n").utf8).write(to: keyFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
        let arguments = [
            "send-sms", "--rpc-addr", "127.0.0.1:\(try ClosedPort.make())", "--to", "+15551234567", "--from",
            "+15557654321", "--body", "hello",
        ]

        let fromEnvironment = try await Program.run(
            GatewayProcess.executablePath,
            arguments,
            environment: ["GATEWAY_API_KEY": scheme + key]
        )
        #expect(fromEnvironment.status == 64, "\(fromEnvironment)")
        #expect(
            fromEnvironment.errorOutput.contains(
                "GATEWAY_API_KEY starts with the scheme Bearer: set it to the key alone (tgw_…); "
                    + "the client adds 'Bearer ' itself"
            ),
            "\(fromEnvironment)"
        )

        let fromFile = try await Program.run(
            GatewayProcess.executablePath,
            arguments + ["--api-key-file", keyFile.path]
        )
        #expect(fromFile.status == 64, "\(fromFile)")
        #expect(
            fromFile.errorOutput.contains(
                "--api-key-file: '\(keyFile.path)' starts with the scheme Bearer: write the key alone (tgw_…) "
                    + "in it; the client adds 'Bearer ' itself"
            ),
            "\(fromFile)"
        )
        for outcome in [fromEnvironment, fromFile] {
            #expect(!outcome.errorOutput.contains(String(repeating: "A", count: 43)), "the error shows the secret")
        }
    }
}
