public import ProtoBridge

/// Structured details of a failed call (`twilio.gateway.v1.ErrorDetails`), carried in
/// ``RPCCore/RPCError/details``.
public struct ErrorDetails: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.ErrorDetails"

    /// Twilio's error code (such as 21211), or 0 when Twilio gave none.
    public var twilioCode: Int32
    /// Twilio's error message, unchanged.
    public var twilioMessage: String
    /// Twilio's link to the error's documentation.
    public var moreInfo: String
    /// The HTTP status Twilio answered with, or 0 when Twilio did not answer.
    public var httpStatus: Int32
    /// Whether the same request may succeed if sent again later.
    public var retryable: Bool
    /// How long to wait before retrying, in milliseconds (`retry_after_ms`), or 0 when unknown.
    public var retryAfterMilliseconds: Int64
    /// The request fields that were wrong, for ``RPCCore/RPCStatusCode/invalidArgument``.
    public var fieldViolations: [FieldViolation]

    /// Creates details.
    public init(
        twilioCode: Int32 = 0,
        twilioMessage: String = "",
        moreInfo: String = "",
        httpStatus: Int32 = 0,
        retryable: Bool = false,
        retryAfterMilliseconds: Int64 = 0,
        fieldViolations: [FieldViolation] = []
    ) {
        self.twilioCode = twilioCode
        self.twilioMessage = twilioMessage
        self.moreInfo = moreInfo
        self.httpStatus = httpStatus
        self.retryable = retryable
        self.retryAfterMilliseconds = retryAfterMilliseconds
        self.fieldViolations = fieldViolations
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        twilioCode = try message.int32("twilio_code") ?? 0
        twilioMessage = try message.string("twilio_message") ?? ""
        moreInfo = try message.string("more_info") ?? ""
        httpStatus = try message.int32("http_status") ?? 0
        retryable = try message.bool("retryable") ?? false
        retryAfterMilliseconds = try message.int("retry_after_ms") ?? 0
        fieldViolations = try message.messages("field_violations").map(FieldViolation.init(protoMessage:))
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "twilio_code": .int(Int64(twilioCode)), "twilio_message": .string(twilioMessage),
                "more_info": .string(moreInfo), "http_status": .int(Int64(httpStatus)), "retryable": .bool(retryable),
                "retry_after_ms": .int(retryAfterMilliseconds),
                "field_violations": .list(fieldViolations.map { .message($0.protoMessage) }),
            ]
        )
    }
}
