import GatewayAPI
import GraphQL
import GraphQLGateway
import RPCCore
import ServiceSupport
import Testing

/// RPC failures as GraphQL errors: `extensions` carry the facts of docs/errors.md.
@Suite("RPC errors")
struct RPCErrorMappingTests {
    static let sendSms = #"mutation { twilio_sendSms(input: {to: "+1555", from: "+15557654321"}) { sid status } }"#

    @Test("a Twilio rejection becomes INVALID_ARGUMENT with Twilio's code, and the field goes null")
    func twilioRejection() async throws {
        let harness = try GatewayHarness()
        let details = ErrorDetails(
            twilioCode: 21211,
            twilioMessage: "The 'To' number +1555 is not a valid phone number.",
            moreInfo: "https://www.twilio.com/docs/errors/21211",
            httpStatus: 400,
            retryable: false
        )
        let message = "Twilio error 21211: The 'To' number +1555 is not a valid phone number."
        harness.services.answer(
            .sendSms,
            .failure(RPCError(code: .invalidArgument, message: message, details: details))
        )

        let response = await harness.run(Self.sendSms)

        #expect(response.data == ["twilio_sendSms": nil])
        #expect(response.errors.count == 1)
        let error = try #require(response.errors.first)
        #expect(error.message == message)
        #expect(error.path == [.key("twilio_sendSms")])
        #expect(error.locations.first?.line == 1)
        #expect(
            error.extensions == [
                "code": "INVALID_ARGUMENT", "twilioCode": 21211, "twilioMessage": .string(details.twilioMessage),
                "moreInfo": "https://www.twilio.com/docs/errors/21211", "httpStatus": 400, "retryable": false,
            ]
        )
    }

    @Test(
        "retryable follows the details for transient failures",
        arguments: [
            (RPCStatusCode.unavailable, "UNAVAILABLE", ErrorDetails(httpStatus: 503, retryable: true), true),
            (.deadlineExceeded, "DEADLINE_EXCEEDED", ErrorDetails(retryable: true), true),
            (.resourceExhausted, "RESOURCE_EXHAUSTED", ErrorDetails(twilioCode: 60203, httpStatus: 429), false),
        ]
    )
    func retryable(code: RPCStatusCode, name: String, details: ErrorDetails, retryable: Bool) async throws {
        let harness = try GatewayHarness()
        harness.services.answer(.sendSms, .failure(RPCError(code: code, message: "try later", details: details)))

        let response = await harness.run(Self.sendSms)

        let extensions = try #require(response.errors.first?.extensions)
        #expect(extensions["code"] == .string(name))
        #expect(extensions["retryable"] == .bool(retryable))
        #expect(response.data == ["twilio_sendSms": nil])
    }

    @Test("a retry delay and field violations pass through")
    func retryAfterAndViolations() async throws {
        let harness = try GatewayHarness()
        let details = ErrorDetails(
            httpStatus: 429,
            retryable: true,
            retryAfterMilliseconds: 1500,
            fieldViolations: [FieldViolation(field: "to", description: "the recipient is required")]
        )
        harness.services.answer(
            .sendSms,
            .failure(RPCError(code: .resourceExhausted, message: "slow down", details: details))
        )

        let response = await harness.run(Self.sendSms)

        #expect(
            response.errors.first?.extensions == [
                "code": "RESOURCE_EXHAUSTED", "httpStatus": 429, "retryable": true, "retryAfterMs": 1500,
                "fieldViolations": [["field": "to", "description": "the recipient is required"]],
            ]
        )
    }

    @Test(
        "an error without details is retryable exactly when its code is UNAVAILABLE or DEADLINE_EXCEEDED",
        arguments: [
            (RPCStatusCode.unavailable, true), (.deadlineExceeded, true), (.internalError, false),
            (.resourceExhausted, false),
        ]
    )
    func noDetails(code: RPCStatusCode, retryable: Bool) async throws {
        let harness = try GatewayHarness()
        harness.services.answer(.sendSms, .failure(RPCError(code: code, message: "no upstream")))

        let response = await harness.run(Self.sendSms)

        #expect(response.errors.first?.message == "no upstream")
        #expect(
            response.errors.first?.extensions == ["code": .string(code.description), "retryable": .bool(retryable)]
        )
    }

    @Test("a passed deadline is DEADLINE_EXCEEDED, and the request's timeout and metadata reach the service")
    func deadline() async throws {
        let harness = try GatewayHarness()
        harness.services.answer(.sendSms, .hang)
        let context = GatewayRequestContext(timeout: .milliseconds(50), metadata: ["authorization": "Bearer t"])

        let response = await harness.run(Self.sendSms, context: context)

        #expect(response.errors.first?.extensions?["code"] == "DEADLINE_EXCEEDED")
        let call = try #require(harness.services.calls.first)
        #expect(call.metadata["authorization"] == "Bearer t")
        #expect(try #require(call.timeRemaining) <= .milliseconds(50))
    }

    @Test("a failed call is logged at debug with the method and code, and no argument values")
    func logging() async throws {
        let harness = try GatewayHarness()
        harness.services.answer(.sendSms, .failure(RPCError(code: .unavailable, message: "down")))
        let handler = InMemoryLogHandler()
        let logger = Logger(label: "test", handler: handler, minimumLevel: .trace)

        _ = await harness.run(Self.sendSms, context: GatewayRequestContext(logger: logger))

        let record = try #require(handler.records.first)
        #expect(handler.records.count == 1)
        #expect(record.level == .debug)
        #expect(record.message == "graphql.rpc.failed")
        #expect(record.metadata == ["rpc.method": "/twilio.gateway.v1.Messaging/SendSms", "rpc.code": "UNAVAILABLE"])
        #expect(!handler.lines.joined().contains("+1555"))
    }

    @Test("without a context the configuration's default timeout applies")
    func defaultTimeout() async throws {
        let harness = try GatewayHarness()
        try harness.services.answer(.sendSms, with: Message(sid: SIDs.message))

        _ = await harness.endpoint.respond(to: GraphQLRequest(query: Self.sendSms))

        let remaining = try #require(harness.services.calls.first?.timeRemaining)
        #expect(remaining > .seconds(5) && remaining <= .seconds(10))
    }

    @Test("a response that does not decode is INTERNAL without details of the gateway")
    func undecodableResponse() async throws {
        let harness = try GatewayHarness()
        harness.services.answer(.sendSms, .response([0xFF, 0xFF, 0xFF]))

        let response = await harness.run(Self.sendSms)

        #expect(response.errors.first?.message == "The response of SendSms could not be read.")
        #expect(response.errors.first?.extensions == ["code": "INTERNAL", "retryable": false])
    }

    @Test("one failed mutation leaves the other's result in place")
    func partialResults() async throws {
        let harness = try GatewayHarness()
        harness.services.answer(.sendSms, .failure(RPCError(code: .unavailable, message: "down")))
        try harness.services.answer(.makeCall, with: Call(sid: SIDs.call, status: "queued"))

        let response = await harness.run(
            """
            mutation {
              twilio_sendSms(input: {to: "+15551234567", from: "+15557654321"}) { sid }
              twilio_makeCall(input: {to: "+15551234567", from: "+15557654321", twiml: "<Response/>"}) { sid }
            }
            """
        )

        #expect(response.data == ["twilio_sendSms": nil, "twilio_makeCall": ["sid": .string(SIDs.call)]])
        #expect(response.errors.map(\.path) == [[.key("twilio_sendSms")]])
    }
}
