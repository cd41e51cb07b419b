import ProtoBridge
import Testing

@Suite("ProtoSchema messages and enums")
struct ProtoSchemaMessageTests {
    private let schema = ProtoSchema.gateway

    @Test("lists every message, nested ones after their parent")
    func messageNames() {
        #expect(
            schema.messages.map(\.fullName)
                == [
                    "ErrorDetails", "FieldViolation", "SubscribeEventsRequest", "Event", "Event.ParametersEntry",
                    "AckEventsRequest", "AckEventsResponse", "ListEventsRequest", "ListEventsResponse",
                    "RespondToCallRequest", "ReplyToMessageRequest", "WebhookReply",
                    "HealthCheckRequest", "HealthCheckResponse", "SendSmsRequest",
                    "SendSmsRequest.ContentVariablesEntry", "GetMessageRequest", "CancelMessageRequest", "Message",
                    "BulkSendSmsRequest", "BulkRecipient", "BulkRecipient.VariablesEntry", "BulkSendSmsUpdate",
                    "BulkRecipientResult", "BulkProgress",
                    "StartVerificationRequest", "EmailChannelConfiguration",
                    "EmailChannelConfiguration.SubstitutionsEntry", "VerificationSendAttempt", "Verification",
                    "CheckVerificationRequest", "VerificationCheck", "GetVerificationRequest",
                    "CancelVerificationRequest", "CreateTotpFactorRequest", "TotpFactor", "VerifyTotpFactorRequest",
                    "CreateTotpChallengeRequest", "CheckTotpChallengeRequest", "TotpChallenge", "MakeCallRequest",
                    "GetCallRequest", "UpdateCallRequest", "Call",
                ].map { "twilio.gateway.v1.\($0)" }
        )
    }

    @Test("declares each message's fields in order", arguments: ExpectedSchema.messages)
    func fields(name: String, expected: [ExpectedSchema.Field]) throws {
        let message = try #require(schema.message(named: "twilio.gateway.v1.\(name)"))

        #expect(message.name == name.split(separator: ".").last.map(String.init))
        #expect(message.fields.map(\.name) == expected.map(\.name))
        for (field, wanted) in zip(message.fields, expected) {
            #expect(field.number == wanted.number, "\(name).\(field.name)")
            #expect(field.type == wanted.type, "\(name).\(field.name)")
            #expect(field.isRepeated == wanted.isRepeated, "\(name).\(field.name)")
            #expect(field.oneofName == wanted.oneof, "\(name).\(field.name)")
            #expect(
                (field.comment == nil) == message.isMapEntry,
                "\(name).\(field.name): only map entries lack comments"
            )
        }
        #expect(message.isMapEntry == name.hasSuffix("Entry"))
    }

    @Test(
        "derives JSON names in lowerCamelCase",
        arguments: [
            ("SendSmsRequest", "messaging_service_sid", "messagingServiceSid"),
            ("SendSmsRequest", "media_urls", "mediaUrls"),
            ("SendSmsRequest", "to", "to"),
            ("ErrorDetails", "retry_after_ms", "retryAfterMs"),
            ("Event", "received_at", "receivedAt"),
            ("MakeCallRequest", "twiml_url", "twimlUrl"),
        ]
    )
    func jsonName(message: String, field: String, jsonName: String) {
        #expect(schema.message(named: "twilio.gateway.v1.\(message)")?.field(named: field)?.jsonName == jsonName)
    }

    @Test("marks Event.parameters as a map of string to string")
    func mapField() throws {
        let event = try #require(schema.message(named: "twilio.gateway.v1.Event"))
        let parameters = try #require(event.field(named: "parameters"))

        #expect(parameters.isMap)
        #expect(parameters.mapEntry?.key == .string)
        #expect(parameters.mapEntry?.value == .string)
        #expect(parameters.type == .message("twilio.gateway.v1.Event.ParametersEntry"))
        #expect(parameters.comment?.hasPrefix("Every parameter of the webhook, as Twilio sent it;") == true)
        #expect(event.fields.filter(\.isMap).map(\.name) == ["parameters"])
        #expect(
            schema.messages.filter(\.isMapEntry).map(\.fullName) == [
                "twilio.gateway.v1.Event.ParametersEntry", "twilio.gateway.v1.SendSmsRequest.ContentVariablesEntry",
                "twilio.gateway.v1.BulkRecipient.VariablesEntry",
                "twilio.gateway.v1.EmailChannelConfiguration.SubstitutionsEntry",
            ]
        )
    }

    @Test(
        "lists oneofs with their members and comments",
        arguments: [
            (
                "SendSmsRequest", "sender", ["from", "messaging_service_sid"],
                "Who the message comes from: exactly one of a phone number or a\nMessaging Service must be given."
            ),
            (
                "MakeCallRequest", "instructions", ["twiml_url", "twiml"],
                "What the call does once answered: exactly one must be given."
            ),
            (
                "UpdateCallRequest", "action", ["status", "twiml_url", "twiml"],
                "The change to make: exactly one must be given."
            ),
            (
                "CheckVerificationRequest", "target", ["to", "verification_sid"],
                "Which verification to check: exactly one must be given."
            ),
            (
                "CreateTotpFactorRequest", "custom_skew", ["skew"],
                "Whether to override Twilio's skew; a oneof so that 0 can be told from\nunset."
            ),
        ]
    )
    func oneof(message: String, name: String, members: [String], comment: String) throws {
        let info = try #require(schema.message(named: "twilio.gateway.v1.\(message)"))

        #expect(info.oneofs.map(\.name) == [name])
        #expect(info.oneof(named: name)?.fieldNames == members)
        #expect(info.oneof(named: name)?.comment == comment)
    }

    @Test("messages without oneofs list none")
    func noOneofs() {
        let withOneofs = schema.messages.filter { !$0.oneofs.isEmpty }.map(\.name)
        #expect(
            withOneofs == [
                "SubscribeEventsRequest", "SendSmsRequest", "BulkSendSmsRequest", "CheckVerificationRequest",
                "CreateTotpFactorRequest",
                "MakeCallRequest", "UpdateCallRequest",
            ]
        )
    }

    @Test("gives presence to oneof members and singular message fields only, since no field is optional")
    func presence() throws {
        for message in schema.messages {
            for field in message.fields {
                let isSingularMessage: Bool =
                    if case .message = field.type { !field.isRepeated } else { false }
                #expect(
                    field.hasPresence == (field.oneofName != nil || isSingularMessage),
                    "\(message.name).\(field.name)"
                )
            }
        }
        let configuration = schema.message(named: "twilio.gateway.v1.StartVerificationRequest")?
            .field(named: "channel_configuration")
        #expect(configuration?.hasPresence == true)
    }

    @Test("keeps message and field comments, trimmed")
    func messageComments() throws {
        #expect(
            schema.message(named: "twilio.gateway.v1.ErrorDetails")?.comment
                == "Structured details carried with a failed call's status, in the trailers\n"
                + "frame of the RPC protocol and in a GraphQL error's extensions."
        )
        let request = try #require(schema.message(named: "twilio.gateway.v1.SendSmsRequest"))
        #expect(request.comment == "A request to send one message.")
        #expect(request.field(named: "to")?.comment == "The recipient, in E.164 format (for example +15551234567).")
        #expect(
            request.field(named: "messaging_service_sid")?.comment
                == "A Messaging Service SID (MG followed by 32 hex digits); Twilio picks\nthe sender from the service's pool."
        )
        #expect(request.field(named: "media_urls")?.comment == "Public URLs of media to attach (MMS), at most 10.")
        #expect(
            schema.message(named: "twilio.gateway.v1.Event")?.field(named: "type")?.comment
                == "The event type: sms.inbound, message.status, call.inbound, call.status,\nverify.status, optout or optin."
        )
    }

    @Test("every message except the synthetic map entry has a comment")
    func everyMessageCommented() {
        for message in schema.messages {
            #expect((message.comment == nil) == message.isMapEntry, "\(message.fullName)")
        }
    }

    @Test("finds fields by number")
    func fieldByNumber() {
        let message = schema.message(named: "twilio.gateway.v1.Message")
        #expect(message?.field(number: 14)?.name == "date_updated")
        #expect(message?.field(number: 15)?.name == "date_sent")
        #expect(message?.field(number: 16) == nil)
        #expect(message?.field(named: "dateUpdated") == nil)
    }

    @Test("lists the nested ServingStatus enum with values and comments")
    func servingStatus() throws {
        #expect(
            schema.enums.map(\.fullName) == [
                "twilio.gateway.v1.HealthCheckResponse.ServingStatus", "twilio.gateway.v1.BulkRecipientResult.Outcome",
            ]
        )
        let status = try #require(schema.enumType(named: "twilio.gateway.v1.HealthCheckResponse.ServingStatus"))

        #expect(status.name == "ServingStatus")
        #expect(status.comment == "Whether a service can take calls.")
        #expect(status.values.map(\.name) == ["UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"])
        #expect(status.values.map(\.number) == [0, 1, 2, 3])
        #expect(
            status.value(named: "NOT_SERVING")?.comment == "The service refuses calls, for example while shutting down."
        )
        #expect(status.value(number: 3)?.comment == "The gateway has no service of that name (Watch only).")
        #expect(status.value(number: 4) == nil)
    }

    @Test("spells field types as .proto files do")
    func fieldTypeDescriptions() {
        #expect(ProtoFieldType.sfixed64.description == "sfixed64")
        #expect(ProtoFieldType.enum("a.B").description == "a.B")
        #expect(ProtoFieldType.message("a.C").description == "a.C")
    }
}
