internal import Testing

/// Hostile GraphQL documents against the real gateway's `/graphql`: each kind gets a clear error
/// naming its limit, the gateway logs one line naming the limit and the client, and it goes on
/// answering ordinary queries.
@Suite("Hostile GraphQL documents through the gateway")
struct HostileQueryTests {
    /// Small limits, so the hostile documents stay small too.
    static let arguments = [
        "--readiness-interval", "3600", "--graphql-max-depth", "8", "--graphql-max-fields", "20",
        "--graphql-max-aliases", "5", "--graphql-max-document-bytes", "2048", "--http-max-body-bytes", "4096",
    ]

    static let hostile: [(String, String, String)] = [
        (
            "max_depth", String(repeating: "{ a ", count: 20) + String(repeating: "}", count: 20),
            "Document nesting is deeper than the limit of 8."
        ),
        (
            "max_fields", "{ " + String(repeating: "__typename ", count: 30) + "}",
            "Document contains more than 20 fields."
        ),
        (
            "max_aliases", "{ " + (1...10).map { "a\($0): __typename" }.joined(separator: " ") + " }",
            "Document contains more than 5 aliases."
        ),
        (
            "max_document_bytes", "{ __typename }\n#" + String(repeating: "x", count: 3000),
            "Document is larger than the limit of 2048 bytes."
        ),
    ]

    @Test("each hostile document is refused naming its limit, logged once, and the gateway still answers")
    func hostileDocuments() async throws {
        try await withGateway(arguments: Self.arguments) { gateway in
            for (limit, query, message) in Self.hostile {
                let response = try await HTTPClient.postGraphQL(query, port: gateway.httpPort)
                #expect([200, 400].contains(response.status), "\(limit): \(response.status)")
                #expect(response.body.contains(message), "\(limit): \(response.body)")
                #expect(!response.body.contains("\"data\":{"), "\(limit) was executed: \(response.body)")
            }
            let oversizedBody = try await HTTPClient.postGraphQL(
                "{ __typename }\n#" + String(repeating: "y", count: 8000),
                port: gateway.httpPort
            )
            #expect(oversizedBody.status == 413)

            let ordinary = try await HTTPClient.postGraphQL("{ __typename }", port: gateway.httpPort)
            #expect(ordinary.status == 200)
            #expect(ordinary.body.contains("__typename"))
            #expect(try await HTTPClient.get("/healthz", port: gateway.httpPort).status == 200)

            let rejected = gateway.logs.filter { $0["msg"] == "graphql.document.rejected" }
            #expect(rejected.map { $0["graphql.limit"] } == Self.hostile.map { Optional($0.0) })
            #expect(rejected.allSatisfy { $0["http.peer"] == "127.0.0.1" })
            let tooLarge = gateway.logs.filter { $0["msg"] == "http.request.body_too_large" }
            #expect(tooLarge.count == 1)
            #expect(tooLarge.first?["http.limit.bytes"] == "4096")
            #expect(tooLarge.first?["http.peer"] == "127.0.0.1")
        }
    }

    @Test("two documents repeating one field 4,999 times are refused for the comparison budget; /healthz answers")
    func repeatedFields() async throws {
        try await withGateway(arguments: ["--readiness-interval", "3600"]) { gateway in
            let query = "{ " + String(repeating: "__typename ", count: 4_999) + "}"
            async let first = HTTPClient.postGraphQL(query, port: gateway.httpPort)
            async let second = HTTPClient.postGraphQL(query, port: gateway.httpPort)
            async let health = HTTPClient.get("/healthz", port: gateway.httpPort)
            let answers = try await [first, second]

            #expect(try await health.status == 200)
            for answer in answers {
                #expect(answer.body.contains("more than the limit of 100000 field comparisons"), "\(answer.body)")
                #expect(!answer.body.contains("\"data\""), "\(answer.body)")
            }
            let rejected = gateway.logs.filter { $0["msg"] == "graphql.document.rejected" }
            #expect(rejected.map { $0["graphql.limit"] } == ["max_field_comparisons", "max_field_comparisons"])
        }
    }

    @Test(
        "limit options out of range exit 64, naming the option",
        arguments: [
            ["--rpc-max-frame-size", "100"], ["--rpc-max-calls-per-connection", "0"],
            ["--rpc-max-connections-per-address", "70000"], ["--rpc-handshake-timeout", "0"],
            ["--rpc-idle-timeout", "inf"], ["--http-max-body-bytes", "10"], ["--http-max-header-bytes", "1000"],
            ["--http-request-timeout", "0"], ["--http-max-connections", "2"], ["--graphql-max-document-bytes", "x"],
            ["--graphql-max-depth", "1"], ["--graphql-max-fields", "0"], ["--graphql-max-aliases", "100001"],
        ]
    )
    func outOfRange(_ arguments: [String]) async throws {
        let outcome = try await Program.run(
            GatewayProcess.executablePath,
            ["serve"] + arguments,
            timeLimit: .seconds(10)
        )
        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.errorOutput.hasPrefix("serve: \(arguments[0]) needs"), "\(outcome)")
    }
}
