public import ProtoBridge

/// Which events to stream, and from where (`twilio.gateway.v1.SubscribeEventsRequest`).
public struct SubscribeEventsRequest: Hashable, Sendable, ProtoMessageConvertible {
    /// Where the stream starts when the consumer has no acknowledged offset (the `start` oneof).
    public enum Start: Hashable, Sendable {
        /// The first event streamed is the first one at or after this offset.
        case offset(Int64)
        /// The first event streamed is the first one received at or after this time, as
        /// RFC 3339 (`2026-01-01T12:30:00Z`).
        case time(String)
    }

    public static let protoTypeName = "twilio.gateway.v1.SubscribeEventsRequest"

    /// Only events of these types, such as `sms.inbound`; all types when empty.
    public var types: [String]
    /// Only events whose From or To is this number, in E.164 format; "" for any.
    public var phoneNumber: String
    /// Only events about this message or call SID; "" for any.
    public var sid: String
    /// Where the stream starts; `nil` for only the events that arrive after the call started.
    public var start: Start?
    /// A durable consumer name (letters, digits, `.`, `_` and `-`, at most 64 characters), or
    /// "" for none. A consumer with an acknowledged offset resumes right after it, whatever
    /// ``start`` says.
    public var consumer: String
    /// Whether this subscriber answers inbound calls and messages (RespondToCall,
    /// ReplyToMessage); the voice and SMS webhooks wait for an answer only while one is
    /// connected.
    public var answersWebhooks: Bool

    /// Creates a request.
    public init(
        types: [String] = [],
        phoneNumber: String = "",
        sid: String = "",
        start: Start? = nil,
        consumer: String = "",
        answersWebhooks: Bool = false
    ) {
        self.types = types
        self.phoneNumber = phoneNumber
        self.sid = sid
        self.start = start
        self.consumer = consumer
        self.answersWebhooks = answersWebhooks
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        types = try message.strings("types")
        phoneNumber = try message.string("phone_number") ?? ""
        sid = try message.string("sid") ?? ""
        if let offset = try message.int("start_offset") {
            start = .offset(offset)
        } else if let time = try message.string("start_time") {
            start = .time(time)
        } else {
            start = nil
        }
        consumer = try message.string("consumer") ?? ""
        answersWebhooks = try message.bool("answers_webhooks") ?? false
    }

    public var protoMessage: ProtoMessage {
        var message = ProtoMessage(
            typeName: Self.protoTypeName,
            ["types": .list(types.map(ProtoValue.string)), "phone_number": .string(phoneNumber), "sid": .string(sid)]
        )
        switch start {
        case .offset(let offset): message["start_offset"] = .int(offset)
        case .time(let time): message["start_time"] = .string(time)
        case nil: break
        }
        message["consumer"] = .string(consumer)
        message["answers_webhooks"] = .bool(answersWebhooks)

        return message
    }
}
