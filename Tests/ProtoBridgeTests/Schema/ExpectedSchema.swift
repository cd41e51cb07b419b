import ProtoBridge

/// The fields of every message in Protos/, written out by hand from the .proto files.
enum ExpectedSchema {
    /// One field: name, number, type, and whether it is repeated or in a oneof.
    struct Field: CustomStringConvertible {
        var name: String
        var number: Int32
        var type: ProtoFieldType
        var isRepeated = false
        var oneof: String?

        var description: String { name }
    }

    static let package = "twilio.gateway.v1"

    static func string(_ name: String, _ number: Int32, oneof: String? = nil) -> Field {
        Field(name: name, number: number, type: .string, oneof: oneof)
    }

    static let messages: [(name: String, fields: [Field])] = [
        (
            "ErrorDetails",
            [
                Field(name: "twilio_code", number: 1, type: .int32), string("twilio_message", 2),
                string("more_info", 3), Field(name: "http_status", number: 4, type: .int32),
                Field(name: "retryable", number: 5, type: .bool),
                Field(name: "retry_after_ms", number: 6, type: .int64),
                Field(
                    name: "field_violations",
                    number: 7,
                    type: .message("\(package).FieldViolation"),
                    isRepeated: true
                ),
            ]
        ),
        ("FieldViolation", [string("field", 1), string("description", 2)]),
        (
            "SubscribeEventsRequest",
            [
                Field(name: "types", number: 1, type: .string, isRepeated: true), string("phone_number", 2),
                string("sid", 3), Field(name: "start_offset", number: 4, type: .int64, oneof: "start"),
                string("start_time", 5, oneof: "start"), string("consumer", 6),
                Field(name: "answers_webhooks", number: 7, type: .bool),
            ]
        ),
        (
            "Event",
            [
                Field(name: "offset", number: 1, type: .int64), string("type", 2), string("received_at", 3),
                string("message_sid", 4), string("call_sid", 5), string("account_sid", 6), string("from", 7),
                string("to", 8), string("status", 9),
                Field(
                    name: "parameters",
                    number: 10,
                    type: .message("\(package).Event.ParametersEntry"),
                    isRepeated: true
                ),
            ]
        ),
        ("Event.ParametersEntry", [string("key", 1), string("value", 2)]),
        ("AckEventsRequest", [string("consumer", 1), Field(name: "offset", number: 2, type: .int64)]),
        ("AckEventsResponse", [Field(name: "acknowledged_offset", number: 1, type: .int64)]),
        (
            "ListEventsRequest",
            [
                Field(name: "types", number: 1, type: .string, isRepeated: true), string("phone_number", 2),
                string("sid", 3), Field(name: "before_offset", number: 4, type: .int64),
                Field(name: "limit", number: 5, type: .int32),
            ]
        ),
        (
            "ListEventsResponse",
            [Field(name: "events", number: 1, type: .message("\(package).Event"), isRepeated: true)]
        ),
        ("RespondToCallRequest", [string("call_sid", 1), string("twiml", 2)]),
        ("ReplyToMessageRequest", [string("message_sid", 1), string("twiml", 2)]),
        ("WebhookReply", [string("sid", 1)]),
        ("HealthCheckRequest", [string("service", 1)]),
        (
            "HealthCheckResponse",
            [Field(name: "status", number: 1, type: .enum("\(package).HealthCheckResponse.ServingStatus"))]
        ),
        (
            "SendSmsRequest",
            [
                string("to", 1), string("from", 2, oneof: "sender"),
                string("messaging_service_sid", 3, oneof: "sender"),
                string("body", 4), Field(name: "media_urls", number: 5, type: .string, isRepeated: true),
                string("status_callback", 6), Field(name: "validity_period", number: 7, type: .int32),
                string("send_at", 8), string("schedule_type", 9), string("content_sid", 10),
                Field(
                    name: "content_variables",
                    number: 11,
                    type: .message("\(package).SendSmsRequest.ContentVariablesEntry"),
                    isRepeated: true
                ),
                string("content_variables_json", 12), string("idempotency_key", 13),
            ]
        ),
        ("SendSmsRequest.ContentVariablesEntry", [string("key", 1), string("value", 2)]),
        ("GetMessageRequest", [string("sid", 1)]),
        ("CancelMessageRequest", [string("sid", 1)]),
        (
            "Message",
            [
                string("sid", 1), string("status", 2), string("to", 3), string("from", 4), string("body", 5),
                string("account_sid", 6), string("messaging_service_sid", 7), string("direction", 8),
                Field(name: "num_segments", number: 9, type: .int32),
                Field(name: "num_media", number: 10, type: .int32),
                Field(name: "error_code", number: 11, type: .int32), string("error_message", 12),
                string("date_created", 13), string("date_updated", 14), string("date_sent", 15),
            ]
        ),
        (
            "BulkSendSmsRequest",
            [
                Field(name: "from", number: 1, type: .string, isRepeated: true), string("messaging_service_sid", 2),
                string("body_template", 3), Field(name: "media_urls", number: 4, type: .string, isRepeated: true),
                string("status_callback", 5),
                Field(name: "recipients", number: 6, type: .message("\(package).BulkRecipient"), isRepeated: true),
                Field(name: "messages_per_second", number: 7, type: .double, oneof: "pace"),
                Field(name: "max_concurrency", number: 8, type: .int32),
                Field(name: "max_attempts", number: 9, type: .int32),
                Field(name: "validity_period", number: 10, type: .int32),
            ]
        ),
        (
            "BulkRecipient",
            [
                string("to", 1),
                Field(
                    name: "variables",
                    number: 2,
                    type: .message("\(package).BulkRecipient.VariablesEntry"),
                    isRepeated: true
                ),
            ]
        ),
        ("BulkRecipient.VariablesEntry", [string("key", 1), string("value", 2)]),
        (
            "BulkSendSmsUpdate",
            [
                Field(name: "result", number: 1, type: .message("\(package).BulkRecipientResult")),
                Field(name: "progress", number: 2, type: .message("\(package).BulkProgress")),
            ]
        ),
        (
            "BulkRecipientResult",
            [
                Field(name: "index", number: 1, type: .int32), string("to", 2), string("from", 3),
                Field(name: "outcome", number: 4, type: .enum("\(package).BulkRecipientResult.Outcome")),
                string("sid", 5), string("status", 6), Field(name: "num_segments", number: 7, type: .int32),
                string("encoding", 8), Field(name: "attempts", number: 9, type: .int32), string("error_code", 10),
                string("error_message", 11),
                Field(name: "error_details", number: 12, type: .message("\(package).ErrorDetails")),
            ]
        ),
        (
            "BulkProgress",
            [
                Field(name: "total", number: 1, type: .int32), Field(name: "sent", number: 2, type: .int32),
                Field(name: "failed", number: 3, type: .int32), Field(name: "remaining", number: 4, type: .int32),
                Field(name: "retries", number: 5, type: .int32),
            ]
        ),
        (
            "StartVerificationRequest",
            [
                string("service_sid", 1), string("to", 2), string("channel", 3), string("locale", 4),
                string("custom_friendly_name", 5),
                Field(
                    name: "channel_configuration",
                    number: 6,
                    type: .message("\(package).EmailChannelConfiguration")
                ),
            ]
        ),
        (
            "EmailChannelConfiguration",
            [
                string("from", 1), string("from_name", 2), string("template_id", 3),
                Field(
                    name: "substitutions",
                    number: 4,
                    type: .message("\(package).EmailChannelConfiguration.SubstitutionsEntry"),
                    isRepeated: true
                ),
            ]
        ),
        ("EmailChannelConfiguration.SubstitutionsEntry", [string("key", 1), string("value", 2)]),
        ("VerificationSendAttempt", [string("attempt_sid", 1), string("channel", 2), string("time", 3)]),
        (
            "Verification",
            [
                string("sid", 1), string("status", 2), string("to", 3), string("channel", 4), string("service_sid", 5),
                Field(name: "valid", number: 6, type: .bool), string("account_sid", 7),
                Field(
                    name: "send_code_attempts",
                    number: 8,
                    type: .message("\(package).VerificationSendAttempt"),
                    isRepeated: true
                ),
                string("date_created", 9), string("date_updated", 10),
            ]
        ),
        (
            "CheckVerificationRequest",
            [
                string("service_sid", 1), string("to", 2, oneof: "target"),
                string("verification_sid", 3, oneof: "target"), string("code", 4),
            ]
        ),
        (
            "VerificationCheck",
            [
                string("sid", 1), string("status", 2), Field(name: "valid", number: 3, type: .bool), string("to", 4),
                string("channel", 5), string("service_sid", 6), string("account_sid", 7), string("date_created", 8),
                string("date_updated", 9),
            ]
        ),
        ("GetVerificationRequest", [string("service_sid", 1), string("sid", 2)]),
        ("CancelVerificationRequest", [string("service_sid", 1), string("sid", 2)]),
        (
            "CreateTotpFactorRequest",
            [
                string("service_sid", 1), string("identity", 2), string("friendly_name", 3),
                Field(name: "time_step", number: 4, type: .int32),
                Field(name: "skew", number: 5, type: .int32, oneof: "custom_skew"),
                Field(name: "code_length", number: 6, type: .int32), string("algorithm", 7),
            ]
        ),
        (
            "TotpFactor",
            [
                string("sid", 1), string("status", 2), string("identity", 3), string("entity_sid", 4),
                string("friendly_name", 5), string("service_sid", 6), string("account_sid", 7),
                string("binding_secret", 8), string("binding_uri", 9),
                Field(name: "time_step", number: 10, type: .int32),
                Field(name: "skew", number: 11, type: .int32), Field(name: "code_length", number: 12, type: .int32),
                string("algorithm", 13), string("date_created", 14), string("date_updated", 15),
            ]
        ),
        (
            "VerifyTotpFactorRequest",
            [string("service_sid", 1), string("identity", 2), string("factor_sid", 3), string("code", 4)]
        ),
        (
            "CreateTotpChallengeRequest",
            [string("service_sid", 1), string("identity", 2), string("factor_sid", 3), string("code", 4)]
        ),
        (
            "CheckTotpChallengeRequest",
            [string("service_sid", 1), string("identity", 2), string("challenge_sid", 3), string("code", 4)]
        ),
        (
            "TotpChallenge",
            [
                string("sid", 1), string("status", 2), string("responded_reason", 3), string("factor_sid", 4),
                string("identity", 5), string("entity_sid", 6), string("service_sid", 7), string("account_sid", 8),
                string("date_created", 9), string("date_updated", 10), string("date_responded", 11),
                string("expiration_date", 12),
            ]
        ),
        (
            "MakeCallRequest",
            [
                string("to", 1), string("from", 2), string("twiml_url", 3, oneof: "instructions"),
                string("twiml", 4, oneof: "instructions"), string("status_callback", 5), string("method", 6),
                Field(name: "status_callback_events", number: 7, type: .string, isRepeated: true),
                Field(name: "timeout", number: 8, type: .int32), Field(name: "record", number: 9, type: .bool),
                string("machine_detection", 10),
            ]
        ),
        ("GetCallRequest", [string("sid", 1)]),
        (
            "UpdateCallRequest",
            [
                string("sid", 1), string("status", 2, oneof: "action"), string("twiml_url", 3, oneof: "action"),
                string("twiml", 4, oneof: "action"), string("method", 5),
            ]
        ),
        (
            "Call",
            [
                string("sid", 1), string("status", 2), string("to", 3), string("from", 4), string("account_sid", 5),
                string("direction", 6), string("date_created", 7), string("date_updated", 8),
                string("start_time", 9), string("end_time", 10), Field(name: "duration", number: 11, type: .int32),
                string("answered_by", 12), string("to_formatted", 13), string("from_formatted", 14),
                string("price", 15), string("price_unit", 16), string("parent_call_sid", 17),
            ]
        ),
    ]
}
