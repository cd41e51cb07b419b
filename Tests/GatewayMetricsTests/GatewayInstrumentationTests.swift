import GatewayMetrics
import Testing

@Suite("The gateway's metrics")
struct GatewayInstrumentationTests {
    @Test("an RPC call counts by service, method and code; a call to no served method counts as unknown")
    func rpcCalls() {
        let instrumentation = GatewayInstrumentation()
        instrumentation.recordRPCCall(
            service: "twilio.gateway.v1.Messaging",
            method: "SendSms",
            code: "OK",
            duration: .milliseconds(3)
        )
        instrumentation.recordRPCCall(service: nil, method: nil, code: "UNIMPLEMENTED", duration: .microseconds(40))
        let text = instrumentation.registry.render()

        #expect(
            text.contains(
                #"twilio_gateway_rpc_calls_total{service="twilio.gateway.v1.Messaging",method="SendSms",code="OK"} 1"#
            )
        )
        #expect(
            text.contains(#"twilio_gateway_rpc_calls_total{service="unknown",method="unknown",code="UNIMPLEMENTED"} 1"#)
        )
        #expect(
            text.contains(
                #"twilio_gateway_rpc_call_duration_seconds_bucket{service="twilio.gateway.v1.Messaging",method="SendSms",le="0.005"} 1"#
            )
        )
    }

    @Test(
        "GraphQL operation names: anonymous, unknown when not known or no GraphQL name",
        arguments: [
            (nil, "unknown"), ("", "anonymous"), ("SendWelcome", "SendWelcome"), ("_private2", "_private2"),
            ("2fast", "unknown"), ("has space", "unknown"), ("quote\"d", "unknown"),
        ] as [(String?, String)]
    )
    func operationNames(name: String?, label: String) {
        let instrumentation = GatewayInstrumentation()
        instrumentation.recordGraphQLOperation(name: name, outcome: .ok, duration: .milliseconds(1))
        #expect(
            instrumentation.registry.render().contains(
                "twilio_gateway_graphql_operations_total{operation=\"\(label)\",outcome=\"ok\"} 1"
            )
        )
    }

    @Test("a client inventing operation names gets at most the limit of series, then other")
    func operationFlood() {
        let instrumentation = GatewayInstrumentation(graphQLOperationLimit: 3)
        for index in 0..<50 {
            instrumentation.recordGraphQLOperation(name: "Op\(index)", outcome: .invalid, duration: .zero)
        }
        let lines = instrumentation.registry.render().split(separator: "\n")
            .filter { $0.hasPrefix("twilio_gateway_graphql_operations_total{") }
        #expect(
            lines == [
                #"twilio_gateway_graphql_operations_total{operation="Op0",outcome="invalid"} 1"#,
                #"twilio_gateway_graphql_operations_total{operation="Op1",outcome="invalid"} 1"#,
                #"twilio_gateway_graphql_operations_total{operation="Op2",outcome="invalid"} 1"#,
                #"twilio_gateway_graphql_operations_total{operation="other",outcome="invalid"} 47"#,
            ]
        )
    }

    @Test("Twilio requests count by endpoint and status; rate limits and retries count apart")
    func twilioRequests() {
        let instrumentation = GatewayInstrumentation()
        instrumentation.recordTwilioRequest(
            endpoint: "messages.create",
            status: "201",
            rateLimited: false,
            duration: .milliseconds(20)
        )
        instrumentation.recordTwilioRequest(
            endpoint: "messages.create",
            status: "429",
            rateLimited: true,
            duration: .milliseconds(2)
        )
        instrumentation.recordTwilioRetry(endpoint: "messages.create")
        let text = instrumentation.registry.render()

        #expect(text.contains(#"twilio_gateway_twilio_requests_total{endpoint="messages.create",status="201"} 1"#))
        #expect(text.contains(#"twilio_gateway_twilio_requests_total{endpoint="messages.create",status="429"} 1"#))
        #expect(text.contains(#"twilio_gateway_twilio_rate_limited_total{endpoint="messages.create"} 1"#))
        #expect(text.contains(#"twilio_gateway_twilio_retries_total{endpoint="messages.create"} 1"#))
        #expect(text.contains(#"twilio_gateway_twilio_request_duration_seconds_count{endpoint="messages.create"} 2"#))
    }

    @Test("bulk sends, open connections, readiness and the build are gauges of the moment")
    func gauges() {
        let instrumentation = GatewayInstrumentation()
        instrumentation.bulkSendStarted()
        instrumentation.bulkSendStarted()
        instrumentation.bulkSendFinished()
        instrumentation.trackOpenConnections(port: "rpc") { 4 }
        instrumentation.trackOpenConnections(port: "http") { 1 }
        instrumentation.recordReadinessProbe(isReady: false)
        instrumentation.recordReadinessProbe(isReady: true)
        instrumentation.recordBuildInfo(version: "0.1.0", mode: "sandbox")
        let text = instrumentation.registry.render()

        #expect(text.contains("twilio_gateway_bulk_sends_in_progress 1\n"))
        #expect(
            text.contains(
                "twilio_gateway_open_connections{port=\"http\"} 1\ntwilio_gateway_open_connections{port=\"rpc\"} 4\n"
            )
        )
        #expect(text.contains("twilio_gateway_ready 1\n"))
        #expect(text.contains("twilio_gateway_readiness_probes_total{outcome=\"not_ready\"} 1\n"))
        #expect(text.contains("twilio_gateway_readiness_probes_total{outcome=\"ready\"} 1\n"))
        #expect(text.contains("twilio_gateway_build_info{version=\"0.1.0\",mode=\"sandbox\"} 1\n"))
        #expect(text.contains("# TYPE process_resident_memory_bytes gauge\n"))
    }
}
