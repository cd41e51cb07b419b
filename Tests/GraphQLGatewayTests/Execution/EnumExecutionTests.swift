import GatewayAPI
import GraphQL
import GraphQLGateway
import RPCCore
import Testing

/// Enum results through a real call: the Health service, exposed for the test.
@Suite("Enum results")
struct EnumExecutionTests {
    @Test(
        "enum numbers come back as the .proto value names, unset as the zero value",
        arguments: [
            (HealthCheckResponse.ServingStatus.serving, "SERVING"), (.notServing, "NOT_SERVING"), (.unknown, "UNKNOWN"),
        ]
    )
    func servingStatus(status: HealthCheckResponse.ServingStatus, name: String) async throws {
        let harness = try GatewayHarness(excludedServices: [])
        try harness.services.answer(.healthCheck, with: HealthCheckResponse(status: status))

        let response = await harness.run(
            #"mutation { twilio_check(input: {service: "twilio.gateway.v1.Messaging"}) { status } }"#
        )

        #expect(response.jsonString() == #"{"data":{"twilio_check":{"status":"\#(name)"}}}"#)
        let request = try #require(harness.services.calls.first).decoded(as: HealthCheckRequest.self)
        #expect(request.service == "twilio.gateway.v1.Messaging")
    }
}
