import GatewayAPI
import GraphQL
import GraphQLGateway
import RPCCore
import Testing

/// Documents that are wrong never reach a service; right ones use the whole language.
@Suite("Request handling")
struct RequestHandlingTests {
    @Test("setting two members of a oneof is INVALID_ARGUMENT naming both, and no call is made")
    func oneofConflict() async throws {
        let harness = try GatewayHarness()

        let response = await harness.run(
            """
            mutation {
              twilio_sendSms(input: {to: "+15551234567", from: "+15557654321", messagingServiceSid: "\(SIDs.messagingService)"}) {
                sid
              }
            }
            """
        )

        #expect(response.data == ["twilio_sendSms": nil])
        let error = try #require(response.errors.first)
        #expect(error.message.contains("from, messagingServiceSid"))
        #expect(error.message.contains("from and messagingServiceSid were given"))
        #expect(error.path == [.key("twilio_sendSms")])
        #expect(
            error.extensions == [
                "code": "INVALID_ARGUMENT", "retryable": false,
                "fieldViolations": [
                    ["field": "from", "description": "only one member of oneof sender may be set"],
                    ["field": "messaging_service_sid", "description": "only one member of oneof sender may be set"],
                ],
            ]
        )
        #expect(harness.services.calls.isEmpty)
    }

    @Test("an explicit null does not count as setting a oneof member")
    func oneofNull() async throws {
        let harness = try GatewayHarness()
        try harness.services.answer(.sendSms, with: Message(sid: SIDs.message))

        let response = await harness.run(
            #"mutation { twilio_sendSms(input: {to: "+15551234567", from: "+15557654321", messagingServiceSid: null}) { sid } }"#
        )

        #expect(response.errors.isEmpty)
        let request = try #require(harness.services.calls.first).decoded(as: SendSmsRequest.self)
        #expect(request.sender == .from("+15557654321"))
    }

    @Test("no oneof member set is left for the service to judge")
    func oneofMissing() async throws {
        let harness = try GatewayHarness()
        let violation = FieldViolation(
            field: "sender",
            description: "exactly one of from or messaging_service_sid is required"
        )
        harness.services.answer(
            .sendSms,
            .failure(
                RPCError(
                    code: .invalidArgument,
                    message: "invalid request: sender: exactly one of from or messaging_service_sid is required",
                    details: ErrorDetails(fieldViolations: [violation])
                )
            )
        )

        let response = await harness.run(#"mutation { twilio_sendSms(input: {to: "+15551234567"}) { sid } }"#)

        #expect(harness.services.calls.count == 1)
        #expect(response.errors.first?.extensions?["code"] == "INVALID_ARGUMENT")
        #expect(response.errors.first?.extensions?["fieldViolations"]?.listValue?.count == 1)
    }

    @Test(
        "malformed documents get the standard error shape and make no call",
        arguments: [
            (
                #"mutation { twilio_sendSms(input: {to: "+1" }) { sid "#,
                #"{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":53}]}]}"#
            ),
            (
                #"mutation { twilio_sendSms(input: {to: "+1"}) { sid price } }"#,
                #"{"errors":[{"message":"Cannot query field \"price\" on type \"Message\".","locations":[{"line":1,"column":52}]}]}"#
            ),
            (
                #"mutation { twilio_sendSms(input: {to: "+1", cc: "+2"}) { sid } }"#,
                #"{"errors":[{"message":"Field \"cc\" is not defined by type \"SendSmsInput\".","locations":[{"line":1,"column":45}]}]}"#
            ),
            (
                #"mutation { twilio_sendSms(input: {to: 5}) { sid } }"#,
                #"{"errors":[{"message":"Expected value of type \"String\", found 5; String cannot represent a non string value: 5","locations":[{"line":1,"column":39}]}]}"#
            ),
            (
                #"mutation { twilio_sendSms { sid } }"#,
                #"{"errors":[{"message":"Field \"twilio_sendSms\" argument \"input\" of type \"SendSmsInput!\" is required, but it was not provided.","locations":[{"line":1,"column":12}]}]}"#
            ),
            (
                #"mutation { twilio_sendSms(input: {to: "+1"}) }"#,
                #"{"errors":[{"message":"Field \"twilio_sendSms\" of type \"Message\" must have a selection of subfields. Did you mean \"twilio_sendSms { ... }\"?","locations":[{"line":1,"column":12}]}]}"#
            ),
        ]
    )
    func malformed(query: String, expected: String) async throws {
        let harness = try GatewayHarness()

        let response = await harness.run(query)

        #expect(response.jsonString() == expected)
        #expect(response.outcome == .invalidDocument)
        #expect(harness.services.calls.isEmpty)
    }

    @Test("an input given as a variable")
    func variables() async throws {
        let harness = try GatewayHarness()
        try harness.services.answer(.sendSms, with: Message(sid: SIDs.message))

        let response = await harness.run(
            "mutation($in: SendSmsInput!) { twilio_sendSms(input: $in) { sid } }",
            variables: ["in": ["to": "+15551234567", "from": "+15557654321", "mediaUrls": "https://yourapp.com/a.png"]]
        )

        #expect(response.jsonString() == #"{"data":{"twilio_sendSms":{"sid":"\#(SIDs.message)"}}}"#)
        let request = try #require(harness.services.calls.first).decoded(as: SendSmsRequest.self)
        #expect(
            request
                == SendSmsRequest(
                    to: "+15551234567",
                    sender: .from("+15557654321"),
                    mediaURLs: ["https://yourapp.com/a.png"]
                )
        )
    }

    @Test("a bad variable value names the variable and the field, and makes no call")
    func badVariable() async throws {
        let harness = try GatewayHarness()

        let response = await harness.run(
            "mutation($in: SendSmsInput!) { twilio_sendSms(input: $in) { sid } }",
            variables: ["in": ["to": 5]]
        )

        #expect(response.outcome == .invalidRequest)
        let message = try #require(response.errors.first?.message)
        #expect(
            message == #"Variable "$in" got invalid value 5 at "in.to"; String cannot represent a non string value: 5"#
        )
        #expect(response.data == nil)
        #expect(harness.services.calls.isEmpty)
    }

    @Test("variables inside an input literal")
    func variablesInLiteral() async throws {
        let harness = try GatewayHarness()
        try harness.services.answer(.startVerification, with: Verification(sid: SIDs.verification))

        let response = await harness.run(
            """
            mutation Start($to: String!, $channel: String = "sms") {
              twilio_startVerification(input: {serviceSid: "\(SIDs.verifyService)", to: $to, channel: $channel}) { sid }
            }
            """,
            variables: ["to": "+15551234567"]
        )

        #expect(response.errors.isEmpty)
        let request = try #require(harness.services.calls.first).decoded(as: StartVerificationRequest.self)
        #expect(request == StartVerificationRequest(serviceSID: SIDs.verifyService, to: "+15551234567", channel: "sms"))
    }

    @Test("aliases, fragments, inline fragments and __typename")
    func selections() async throws {
        let harness = try GatewayHarness()
        try harness.services.answer(
            .sendSms,
            with: Message(sid: SIDs.message, status: "queued", to: "+15551234567", numSegments: 2)
        )

        let response = await harness.run(
            """
            mutation {
              sms: twilio_sendSms(input: {to: "+15551234567", from: "+15557654321"}) {
                __typename
                id: sid
                ...Delivery
                ... on Message { segments: numSegments }
              }
              __typename
            }
            fragment Delivery on Message { status to }
            """
        )

        #expect(
            response.jsonString()
                == #"{"data":{"sms":{"__typename":"Message","id":"\#(SIDs.message)","status":"queued","#
                + #""to":"+15551234567","segments":2},"__typename":"Mutation"}}"#
        )
    }

    @Test("two mutations in one document run in order")
    func mutationOrder() async throws {
        let harness = try GatewayHarness()
        try harness.services.answer(.startVerification, with: Verification(sid: SIDs.verification, status: "pending"))
        try harness.services.answer(.checkVerification, with: VerificationCheck(status: "approved", valid: true))

        let response = await harness.run(
            """
            mutation {
              check: twilio_checkVerification(input: {serviceSid: "\(SIDs.verifyService)", verificationSid: "\(SIDs.verification)", code: "123456"}) { valid }
              start: twilio_startVerification(input: {serviceSid: "\(SIDs.verifyService)", to: "+15551234567", channel: "sms"}) { status }
              again: twilio_checkVerification(input: {serviceSid: "\(SIDs.verifyService)", to: "+15551234567", code: "654321"}) { status }
            }
            """
        )

        #expect(
            response.jsonString()
                == #"{"data":{"check":{"valid":true},"start":{"status":"pending"},"again":{"status":"approved"}}}"#
        )
        #expect(harness.services.calls.map(\.method) == [.checkVerification, .startVerification, .checkVerification])
        let first = try harness.services.calls[0].decoded(as: CheckVerificationRequest.self)
        #expect(first.target == .verificationSID(SIDs.verification))
    }

    @Test("a string with U+0000 is refused before the call")
    func nulCharacter() async throws {
        let harness = try GatewayHarness()

        let response = await harness.run(
            #"mutation { twilio_sendSms(input: {to: "+15551234567", body: "a\u0000b"}) { sid } }"#
        )

        #expect(response.errors.first?.message == "input.body must not contain the character U+0000.")
        #expect(response.errors.first?.extensions?["code"] == "INVALID_ARGUMENT")
        #expect(harness.services.calls.isEmpty)
    }

    @Test("the gateway field reports the version and every method of the exposed services")
    func gatewayInfo() async throws {
        let harness = try GatewayHarness()

        let response = await harness.run("{ twilio_gateway { version methods { path field } } }")

        #expect(response.errors.isEmpty)
        let info = try #require(response.data?["twilio_gateway"])
        #expect(info["version"] == .string(GatewayHarness.version))
        #expect(
            info["methods"] == [
                ["path": "/twilio.gateway.v1.Events/SubscribeEvents", "field": "Subscription.twilio_events"],
                ["path": "/twilio.gateway.v1.Events/AckEvents", "field": "Mutation.twilio_ackEvents"],
                ["path": "/twilio.gateway.v1.Events/ListEvents", "field": "Query.twilio_events"],
                ["path": "/twilio.gateway.v1.Events/RespondToCall", "field": "Mutation.twilio_respondToCall"],
                ["path": "/twilio.gateway.v1.Events/ReplyToMessage", "field": "Mutation.twilio_replyToMessage"],
                ["path": "/twilio.gateway.v1.Messaging/SendSms", "field": "Mutation.twilio_sendSms"],
                ["path": "/twilio.gateway.v1.Messaging/GetMessage", "field": "Query.twilio_message"],
                ["path": "/twilio.gateway.v1.Messaging/CancelMessage", "field": "Mutation.twilio_cancelMessage"],
                ["path": "/twilio.gateway.v1.Messaging/BulkSendSms", "field": "Subscription.twilio_bulkSendSms"],
                ["path": "/twilio.gateway.v1.Verify/StartVerification", "field": "Mutation.twilio_startVerification"],
                ["path": "/twilio.gateway.v1.Verify/CheckVerification", "field": "Mutation.twilio_checkVerification"],
                ["path": "/twilio.gateway.v1.Verify/GetVerification", "field": "Query.twilio_verification"],
                [
                    "path": "/twilio.gateway.v1.Verify/CancelVerification",
                    "field": "Mutation.twilio_cancelVerification",
                ],
                ["path": "/twilio.gateway.v1.Verify/CreateTotpFactor", "field": "Mutation.twilio_createTotpFactor"],
                ["path": "/twilio.gateway.v1.Verify/VerifyTotpFactor", "field": "Mutation.twilio_verifyTotpFactor"],
                [
                    "path": "/twilio.gateway.v1.Verify/CreateTotpChallenge",
                    "field": "Mutation.twilio_createTotpChallenge",
                ],
                [
                    "path": "/twilio.gateway.v1.Verify/CheckTotpChallenge",
                    "field": "Mutation.twilio_checkTotpChallenge",
                ],
                ["path": "/twilio.gateway.v1.Voice/MakeCall", "field": "Mutation.twilio_makeCall"],
                ["path": "/twilio.gateway.v1.Voice/GetCall", "field": "Query.twilio_call"],
                ["path": "/twilio.gateway.v1.Voice/UpdateCall", "field": "Mutation.twilio_updateCall"],
            ]
        )
    }
}
