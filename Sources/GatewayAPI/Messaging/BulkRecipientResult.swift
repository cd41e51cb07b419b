public import ProtoBridge

/// How the send to one recipient of a bulk send ended (`twilio.gateway.v1.BulkRecipientResult`).
public struct BulkRecipientResult: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.BulkRecipientResult"

    /// The recipient's position in the request's recipients, from 0.
    public var index: Int32
    /// The recipient.
    public var to: String
    /// The sender number used; empty with a Messaging Service.
    public var from: String
    /// How the send ended.
    public var outcome: Outcome
    /// The message SID when sent.
    public var sid: String
    /// The message status Twilio reported when sent, such as `queued`.
    public var status: String
    /// How many SMS segments the body takes, as the pace counts them.
    public var numSegments: Int32
    /// The body's encoding: `GSM-7` or `UCS-2`.
    public var encoding: String
    /// How many requests were made to Twilio for this recipient.
    public var attempts: Int32
    /// Why the send failed, as an RPC status name such as `FAILED_PRECONDITION`; empty when sent.
    public var errorCode: String
    /// What went wrong, in words.
    public var errorMessage: String
    /// Twilio's code, message and link, and whether a retry may help; `nil` when sent.
    public var errorDetails: ErrorDetails?

    /// Creates a result.
    public init(
        index: Int32 = 0,
        to: String = "",
        from: String = "",
        outcome: Outcome = .unspecified,
        sid: String = "",
        status: String = "",
        numSegments: Int32 = 0,
        encoding: String = "",
        attempts: Int32 = 0,
        errorCode: String = "",
        errorMessage: String = "",
        errorDetails: ErrorDetails? = nil
    ) {
        self.index = index
        self.to = to
        self.from = from
        self.outcome = outcome
        self.sid = sid
        self.status = status
        self.numSegments = numSegments
        self.encoding = encoding
        self.attempts = attempts
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.errorDetails = errorDetails
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        index = try message.int32("index") ?? 0
        to = try message.string("to") ?? ""
        from = try message.string("from") ?? ""
        outcome = Outcome(rawValue: try message.enumValue("outcome") ?? 0)
        sid = try message.string("sid") ?? ""
        status = try message.string("status") ?? ""
        numSegments = try message.int32("num_segments") ?? 0
        encoding = try message.string("encoding") ?? ""
        attempts = try message.int32("attempts") ?? 0
        errorCode = try message.string("error_code") ?? ""
        errorMessage = try message.string("error_message") ?? ""
        errorDetails = try message.message("error_details").map(ErrorDetails.init(protoMessage:))
    }

    public var protoMessage: ProtoMessage {
        var message = ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "index": .int(Int64(index)), "to": .string(to), "from": .string(from),
                "outcome": .enumValue(outcome.rawValue), "sid": .string(sid), "status": .string(status),
                "num_segments": .int(Int64(numSegments)), "encoding": .string(encoding),
                "attempts": .int(Int64(attempts)), "error_code": .string(errorCode),
                "error_message": .string(errorMessage),
            ]
        )
        if let errorDetails {
            message["error_details"] = .message(errorDetails.protoMessage)
        }
        return message
    }
}
