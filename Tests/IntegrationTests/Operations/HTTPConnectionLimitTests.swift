internal import GatewayTestSupport
internal import Testing

/// A client that opens many HTTP connections and sends half a request on each cannot starve
/// the gateway's HTTP port for other addresses.
@Suite("The HTTP port under a flood of half-sent requests")
struct HTTPConnectionLimitTests {
    @Test("by default one address holds at most 256 connections, and /healthz still answers another")
    func defaultLimit() async throws {
        try await withGateway(arguments: ["--readiness-interval", "3600"]) { gateway in
            let outcome = try await HalfRequestFlood.run(port: gateway.httpPort, count: 300, path: "/healthz")
            #expect(outcome.held == 256)
            #expect(outcome.sameAddressStatus == nil)
            #expect(outcome.otherAddressStatus == 200)
        }
    }

    @Test("--http-connections-per-address sets the limit, and the flooding address is served once it lets go")
    func configuredLimit() async throws {
        let arguments = ["--readiness-interval", "3600", "--http-connections-per-address", "4"]
        try await withGateway(arguments: arguments) { gateway in
            let outcome = try await HalfRequestFlood.run(port: gateway.httpPort, count: 20, path: "/healthz")
            #expect(outcome.held == 4)
            #expect(outcome.sameAddressStatus == nil)
            #expect(outcome.otherAddressStatus == 200)

            let afterwards = try await HTTPClient.get("/healthz", port: gateway.httpPort)
            #expect(afterwards.status == 200)
        }
    }

    @Test(
        "connection limits and header timeouts out of range exit 64, naming the option",
        arguments: [
            ["--http-connections-per-address", "0"], ["--http-connections-per-address", "1025"],
            ["--http-header-timeout", "0.5"], ["--http-header-timeout", "31"], ["--http-header-timeout", "inf"],
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
