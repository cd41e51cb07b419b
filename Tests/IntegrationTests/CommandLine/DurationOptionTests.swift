internal import Testing

/// Options and variables that take seconds: a value out of range is a usage error at start,
/// never a number that overflows later.
@Suite("Options given in seconds")
struct DurationOptionTests {
    static let gateway = GatewayProcess.executablePath

    @Test(
        "a GraphQL timeout outside 0.001 to 86400 seconds exits 64, from the flag and the environment",
        arguments: ["1e12", "inf", "1e300", "nan", "0", "-1", "0.0001", "86401", "soon"]
    )
    func graphQLTimeout(_ value: String) async throws {
        let fromFlag = try await Program.run(
            Self.gateway,
            ["serve", "--graphql-timeout", value],
            timeLimit: .seconds(10)
        )
        let fromEnvironment = try await Program.run(
            Self.gateway,
            ["serve"],
            environment: ["GATEWAY_GRAPHQL_TIMEOUT": value],
            timeLimit: .seconds(10)
        )
        for (outcome, name) in [(fromFlag, "--graphql-timeout"), (fromEnvironment, "GATEWAY_GRAPHQL_TIMEOUT")] {
            #expect(outcome.status == 64, "\(outcome)")
            #expect(
                outcome.errorOutput.hasPrefix("serve: \(name) needs a number of seconds from 0.001 to 86400"),
                "\(outcome)"
            )
        }
    }

    @Test("a GraphQL timeout of a day is kept, and a field's RPC is answered under it")
    func longestGraphQLTimeout() async throws {
        try await withGateway(arguments: ["--graphql-timeout", "86400", "--readiness-interval", "3600"]) { gateway in
            let unknown = "SM" + String(repeating: "0", count: 32)
            let query = #"{ twilio_message(sid: "\#(unknown)") { sid } }"#
            for _ in 0..<2 {
                let response = try await HTTPClient.postGraphQL(query, port: gateway.httpPort)
                #expect(response.body.contains("NOT_FOUND"), "\(response.body)")
            }
        }
    }

    @Test(
        "a client --timeout outside 0.001 seconds to a year exits 64 before connecting",
        arguments: ["0.000001", "0", "inf", "1e300", "31536001", "nan"]
    )
    func clientTimeout(_ value: String) async throws {
        let outcome = try await Program.run(
            Self.gateway,
            ["send-sms", "--to", "+15551234567", "--from", "+15557654321", "--body", "hi", "--timeout", value],
            timeLimit: .seconds(10)
        )
        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.errorOutput.hasPrefix("send-sms: --timeout needs a number of seconds from 0.001"), "\(outcome)")
    }
}
