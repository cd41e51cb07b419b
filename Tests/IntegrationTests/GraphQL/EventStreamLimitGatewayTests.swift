internal import Foundation
internal import Testing

/// `--graphql-max-streams-per-address` on a running sandbox gateway: one client address holds
/// as many GraphQL event streams as it may, and its next one is refused with 429 and one log line.
@Suite("GraphQL event streams per address through the gateway")
struct EventStreamLimitGatewayTests {
    /// Opens `sys.argv[2]` subscriptions and keeps them open, then one more; prints the statuses
    /// of the held ones and the extra one's status, `Retry-After` and body as JSON.
    static let client = #"""
        import http.client, json, sys
        port, hold = int(sys.argv[1]), int(sys.argv[2])
        body = json.dumps({"query": "subscription { twilio_events { offset } }"}).encode()
        def open_stream():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
            conn.request("POST", "/graphql", body=body, headers={
                "Content-Type": "application/json", "Accept": "text/event-stream"})
            return conn, conn.getresponse()
        held = [open_stream() for _ in range(hold)]
        conn, extra = open_stream()
        result = {"held": [resp.status for _, resp in held], "status": extra.status,
                  "retryAfter": extra.getheader("Retry-After"), "body": extra.read().decode()}
        for conn, _ in held:
            conn.sock.close()
        print(json.dumps(result))
        """#

    struct ClientResult: Decodable {
        var held: [Int]
        var status: Int
        var retryAfter: String?
        var body: String
    }

    @Test("the stream past --graphql-max-streams-per-address gets 429 and graphql.request.rejected names the limit")
    func perAddress() async throws {
        try await withGateway(arguments: ["--graphql-max-streams-per-address", "2"]) { gateway in
            let outcome = try await PythonTools.run(["-c", Self.client, String(gateway.httpPort), "2"])
            try #require(outcome.status == 0, "\(outcome)")
            let result = try JSONDecoder().decode(ClientResult.self, from: Data(outcome.output.utf8))

            #expect(result.held == [200, 200])
            #expect(result.status == 429)
            #expect(result.retryAfter == "1")
            #expect(result.body.contains("This address already has 2 GraphQL event streams open"), "\(result.body)")
            let line = try await gateway.waitForLog("graphql.request.rejected")
            #expect(line["graphql.limit"] == "max_streams_per_address")
            #expect(line["graphql.limit.count"] == "2")
            #expect(line["http.peer"] == "127.0.0.1")
        }
    }

    @Test(
        "serve refuses a per-address stream limit out of range, naming the option or variable that gave it",
        arguments: [
            (["--graphql-max-streams-per-address", "0"], [:], "--graphql-max-streams-per-address"),
            ([], ["GATEWAY_GRAPHQL_MAX_STREAMS_PER_ADDRESS": "0"], "GATEWAY_GRAPHQL_MAX_STREAMS_PER_ADDRESS"),
        ] as [([String], [String: String], String)]
    )
    func outOfRange(_ arguments: [String], environment: [String: String], name: String) async throws {
        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            ["serve"] + arguments,
            environment: environment,
            timeLimit: .seconds(10)
        )
        #expect(outcome.status == 64, "\(outcome)")
        #expect(
            outcome.errorOutput.contains("\(name) needs a whole number from 1 to 1000, not '0'"),
            "\(outcome)"
        )
    }
}
