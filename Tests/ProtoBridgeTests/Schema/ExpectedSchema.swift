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
        ("SubscribeEventsRequest", [Field(name: "types", number: 1, type: .string, isRepeated: true)]),
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
            [string("service_sid", 1), string("to", 2), string("channel", 3), string("locale", 4)]
        ),
        (
            "Verification",
            [
                string("sid", 1), string("status", 2), string("to", 3), string("channel", 4), string("service_sid", 5),
                Field(name: "valid", number: 6, type: .bool),
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
                string("channel", 5),
            ]
        ),
        (
            "MakeCallRequest",
            [
                string("to", 1), string("from", 2), string("twiml_url", 3, oneof: "instructions"),
                string("twiml", 4, oneof: "instructions"), string("status_callback", 5),
            ]
        ),
        (
            "Call",
            [
                string("sid", 1), string("status", 2), string("to", 3), string("from", 4), string("account_sid", 5),
                string("direction", 6), string("date_created", 7),
            ]
        ),
    ]
}
