import ProtoBridge
import Testing

@Suite("ProtoSchema services")
struct ProtoSchemaServiceTests {
    private let schema = ProtoSchema.gateway

    @Test("lists every service in file order")
    func serviceNames() {
        #expect(
            schema.services.map(\.fullName) == [
                "twilio.gateway.v1.Events", "twilio.gateway.v1.Health", "twilio.gateway.v1.Messaging",
                "twilio.gateway.v1.Verify", "twilio.gateway.v1.Voice",
            ]
        )
        #expect(schema.services.map(\.name) == ["Events", "Health", "Messaging", "Verify", "Voice"])
    }

    @Test(
        "describes every method with its types and streaming flags",
        arguments: [
            ("twilio.gateway.v1.Events", "SubscribeEvents", "SubscribeEventsRequest", "Event", true),
            ("twilio.gateway.v1.Events", "AckEvents", "AckEventsRequest", "AckEventsResponse", false),
            ("twilio.gateway.v1.Events", "ListEvents", "ListEventsRequest", "ListEventsResponse", false),
            ("twilio.gateway.v1.Events", "RespondToCall", "RespondToCallRequest", "WebhookReply", false),
            ("twilio.gateway.v1.Events", "ReplyToMessage", "ReplyToMessageRequest", "WebhookReply", false),
            ("twilio.gateway.v1.Health", "Check", "HealthCheckRequest", "HealthCheckResponse", false),
            ("twilio.gateway.v1.Health", "Watch", "HealthCheckRequest", "HealthCheckResponse", true),
            ("twilio.gateway.v1.Messaging", "SendSms", "SendSmsRequest", "Message", false),
            ("twilio.gateway.v1.Messaging", "GetMessage", "GetMessageRequest", "Message", false),
            ("twilio.gateway.v1.Messaging", "CancelMessage", "CancelMessageRequest", "Message", false),
            ("twilio.gateway.v1.Messaging", "BulkSendSms", "BulkSendSmsRequest", "BulkSendSmsUpdate", true),
            ("twilio.gateway.v1.Verify", "StartVerification", "StartVerificationRequest", "Verification", false),
            ("twilio.gateway.v1.Verify", "CheckVerification", "CheckVerificationRequest", "VerificationCheck", false),
            ("twilio.gateway.v1.Verify", "GetVerification", "GetVerificationRequest", "Verification", false),
            ("twilio.gateway.v1.Verify", "CancelVerification", "CancelVerificationRequest", "Verification", false),
            ("twilio.gateway.v1.Verify", "CreateTotpFactor", "CreateTotpFactorRequest", "TotpFactor", false),
            ("twilio.gateway.v1.Verify", "VerifyTotpFactor", "VerifyTotpFactorRequest", "TotpFactor", false),
            ("twilio.gateway.v1.Verify", "CreateTotpChallenge", "CreateTotpChallengeRequest", "TotpChallenge", false),
            ("twilio.gateway.v1.Verify", "CheckTotpChallenge", "CheckTotpChallengeRequest", "TotpChallenge", false),
            ("twilio.gateway.v1.Voice", "MakeCall", "MakeCallRequest", "Call", false),
            ("twilio.gateway.v1.Voice", "GetCall", "GetCallRequest", "Call", false),
            ("twilio.gateway.v1.Voice", "UpdateCall", "UpdateCallRequest", "Call", false),
        ]
    )
    func method(service: String, name: String, input: String, output: String, serverStreaming: Bool) throws {
        let method = try #require(schema.service(named: service)?.method(named: name))

        #expect(method.inputTypeName == "twilio.gateway.v1.\(input)")
        #expect(method.outputTypeName == "twilio.gateway.v1.\(output)")
        #expect(method.serverStreaming == serverStreaming)
        #expect(!method.clientStreaming)
        #expect(schema.message(named: method.inputTypeName) != nil)
        #expect(schema.message(named: method.outputTypeName) != nil)
    }

    @Test("has no methods beyond those in the .proto files")
    func methodCount() {
        #expect(
            schema.services.map { $0.methods.map(\.name) } == [
                ["SubscribeEvents", "AckEvents", "ListEvents", "RespondToCall", "ReplyToMessage"], ["Check", "Watch"],
                ["SendSms", "GetMessage", "CancelMessage", "BulkSendSms"],
                [
                    "StartVerification", "CheckVerification", "GetVerification", "CancelVerification",
                    "CreateTotpFactor", "VerifyTotpFactor", "CreateTotpChallenge", "CheckTotpChallenge",
                ],
                ["MakeCall", "GetCall", "UpdateCall"],
            ]
        )
    }

    @Test("keeps service comments, multi-line ones joined by newlines")
    func serviceComments() throws {
        let health = try #require(schema.service(named: "twilio.gateway.v1.Health"))
        #expect(
            health.comment
                == "Liveness of the gateway's services, shaped like gRPC's health protocol.\nIt never calls Twilio."
        )
        #expect(
            schema.service(named: "twilio.gateway.v1.Messaging")?.comment
                == "Programmable Messaging: send SMS and MMS through Twilio."
        )
    }

    @Test("keeps method comments")
    func methodComments() throws {
        let messaging = try #require(schema.service(named: "twilio.gateway.v1.Messaging"))
        #expect(
            messaging.method(named: "SendSms")?.comment
                == "Sends one SMS or MMS message. The message is queued at Twilio; its\n"
                + "delivery is reported later through status callbacks."
        )
        #expect(
            schema.service(named: "twilio.gateway.v1.Health")?.method(named: "Watch")?.comment
                == "Reports the serving status now and again each time it changes."
        )
    }

    @Test("every service and method has a comment")
    func everythingCommented() {
        for service in schema.services {
            #expect(service.comment?.isEmpty == false, "\(service.fullName)")
            for method in service.methods {
                #expect(method.comment?.isEmpty == false, "\(service.fullName).\(method.name)")
            }
        }
    }

    @Test("unknown names give nil")
    func unknownNames() {
        #expect(schema.service(named: "Messaging") == nil)
        #expect(schema.service(named: "twilio.gateway.v1.Messaging")?.method(named: "sendSms") == nil)
        #expect(schema.message(named: ".twilio.gateway.v1.Message") == nil)
        #expect(schema.enumType(named: "ServingStatus") == nil)
    }
}
