internal import GatewayAPI
internal import GatewayClient
internal import RPCCore
internal import Testing

/// A sandbox-mode gateway serves a few calls, then `GET /metrics` is read with prometheus_client's
/// parser and must count exactly those calls.
@Suite("GET /metrics")
struct MetricsEndpointTests {
    static let messaging = "twilio.gateway.v1.Messaging"

    static let namedMutation = """
        mutation SendWelcome {
          twilio_sendSms(input: {to: "+15551234567", from: "+15557654321", body: "Welcome"}) { sid status }
        }
        """

    @Test(
        "counts the RPC calls, GraphQL operations and Twilio requests just made, by their labels",
        .enabled(
            if: PythonTools.shouldRun(PythonTools.hasPrometheusClient),
            "prometheus_client is not installed (pip install -r Tests/requirements.txt)"
        )
    )
    func countsTheCallsMade() async throws {
        try await withGateway(arguments: ["--readiness-interval", "3600"]) { gateway in
            let readiness = try await gateway.readiness(becoming: 200)
            try #require(readiness.status == 200, "the start-up readiness probe did not succeed: \(readiness.body)")

            let graphQL = try await HTTPClient.postGraphQL(Self.namedMutation, port: gateway.httpPort)
            #expect(try graphQL.decoded(as: GraphQLResult<SendSmsFields>.self).data?.message != nil, "\(graphQL.body)")
            let broken = try await HTTPClient.postGraphQL("{ twilio_message(sid: ", port: gateway.httpPort)
            #expect(try broken.decoded(as: GraphQLResult<SendSmsFields>.self).errors?.isEmpty == false)

            let scrape = try await withGatewayClient(port: try gateway.requireRPCPort()) { client in
                _ = try await client.sendSms(
                    SendSmsRequest(to: "+15551234567", sender: .from("+15557654321"), body: "Your code is 123456")
                )
                let (error, _) = try await expectRPCError {
                    try await client.sendSms(
                        SendSmsRequest(to: "+15005550001", sender: .from("+15557654321"), body: "x")
                    )
                }
                #expect(error.code == .invalidArgument)
                return try await MetricsScrape.fetch(port: gateway.httpPort)
            }

            #expect(scrape.contentType == "text/plain; version=0.0.4; charset=utf-8")
            Self.expectRPCCalls(scrape)
            Self.expectGraphQLOperations(scrape)
            Self.expectTwilioRequests(scrape)
            Self.expectGauges(scrape)
        }
    }

    /// Three SendSms calls: the RPC one and the GraphQL mutation's (both OK), and the refused one.
    static func expectRPCCalls(_ scrape: MetricsScrape) {
        #expect(scrape.family("twilio_gateway_rpc_calls")?.type == "counter")
        let sendSms = ["service": messaging, "method": "SendSms"]
        #expect(scrape.value("twilio_gateway_rpc_calls_total", sendSms.merging(["code": "OK"]) { $1 }) == 2)
        #expect(
            scrape.value("twilio_gateway_rpc_calls_total", sendSms.merging(["code": "INVALID_ARGUMENT"]) { $1 }) == 1
        )
        let rpcSamples = scrape.family("twilio_gateway_rpc_calls")?.samples ?? []
        #expect(rpcSamples.count == 2, "\(rpcSamples)")

        #expect(scrape.family("twilio_gateway_rpc_call_duration_seconds")?.type == "histogram")
        #expect(scrape.value("twilio_gateway_rpc_call_duration_seconds_count", sendSms) == 3)
        #expect(
            scrape.value("twilio_gateway_rpc_call_duration_seconds_bucket", sendSms.merging(["le": "+Inf"]) { $1 }) == 3
        )
        #expect((scrape.value("twilio_gateway_rpc_call_duration_seconds_sum", sendSms) ?? 0) > 0)
    }

    /// The named mutation succeeded; the unparseable document has no name to count it under.
    static func expectGraphQLOperations(_ scrape: MetricsScrape) {
        let operations = scrape.family("twilio_gateway_graphql_operations")?.samples ?? []
        #expect(operations.count == 2, "\(operations)")
        #expect(
            scrape.value("twilio_gateway_graphql_operations_total", ["operation": "SendWelcome", "outcome": "ok"]) == 1
        )
        #expect(
            scrape.value("twilio_gateway_graphql_operations_total", ["operation": "unknown", "outcome": "invalid"]) == 1
        )
        #expect(scrape.value("twilio_gateway_graphql_request_duration_seconds_count") == 2)
    }

    /// The start-up probe fetched the account; the three sends reached the sandbox, one answered 400.
    static func expectTwilioRequests(_ scrape: MetricsScrape) {
        let requests = "twilio_gateway_twilio_requests_total"
        #expect(scrape.value(requests, ["endpoint": "messages.create", "status": "201"]) == 2)
        #expect(scrape.value(requests, ["endpoint": "messages.create", "status": "400"]) == 1)
        #expect(scrape.value(requests, ["endpoint": "accounts.fetch", "status": "200"]) == 1)
        #expect(scrape.family("twilio_gateway_twilio_requests")?.samples.count == 3)
        #expect(
            scrape.value("twilio_gateway_twilio_request_duration_seconds_count", ["endpoint": "messages.create"]) == 3
        )
        #expect(scrape.family("twilio_gateway_twilio_rate_limited")?.samples.isEmpty == true)
        #expect(scrape.family("twilio_gateway_twilio_retries")?.samples.isEmpty == true)
    }

    /// The client's RPC connection is open during the scrape, as is the scrape's own HTTP one.
    static func expectGauges(_ scrape: MetricsScrape) {
        #expect(scrape.value("twilio_gateway_open_connections", ["port": "rpc"]) == 1)
        #expect((scrape.value("twilio_gateway_open_connections", ["port": "http"]) ?? 0) >= 1)
        #expect(scrape.value("twilio_gateway_bulk_sends_in_progress") == 0)
        #expect(scrape.value("twilio_gateway_ready") == 1)
        #expect(scrape.value("twilio_gateway_readiness_probes_total", ["outcome": "ready"]) == 1)
        #expect(scrape.value("twilio_gateway_build_info", ["mode": "sandbox"]) == 1)
        #expect((scrape.value("process_resident_memory_bytes") ?? 0) > 1_000_000)
        #expect((scrape.value("process_start_time_seconds") ?? 0) > 1_600_000_000)
        #expect(scrape.family("process_resident_memory_bytes")?.type == "gauge")
    }
}
