public import ProtoBridge

/// One event reported by Twilio (`twilio.gateway.v1.Event`).
public struct Event: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.Event"
    private static let parametersEntryTypeName = "twilio.gateway.v1.Event.ParametersEntry"

    /// The position of the event in the log; offsets only increase.
    public var offset: Int64
    /// The event type, such as `sms.inbound` or `message.status`.
    public var type: String
    /// When the gateway received the event, as RFC 3339 UTC.
    public var receivedAt: String
    /// The message SID, for message events.
    public var messageSID: String
    /// The call SID, for call events.
    public var callSID: String
    /// The account the event belongs to.
    public var accountSID: String
    /// The sender of the message or the caller.
    public var from: String
    /// The recipient of the message or the called party.
    public var to: String
    /// The status the event reports, as Twilio spells it.
    public var status: String
    /// Every parameter of the webhook, as Twilio sent it.
    ///
    /// Encoded in the byte order of the keys' UTF-8, as the deterministic encoders of C++ and
    /// pure-Python protobuf do; when decoding, a key sent twice keeps its last value. Swift
    /// treats canonically equivalent keys (`"é"` and `"e\u{301}"`) as one key.
    public var parameters: [String: String]

    /// Creates an event.
    public init(
        offset: Int64 = 0,
        type: String = "",
        receivedAt: String = "",
        messageSID: String = "",
        callSID: String = "",
        accountSID: String = "",
        from: String = "",
        to: String = "",
        status: String = "",
        parameters: [String: String] = [:]
    ) {
        self.offset = offset
        self.type = type
        self.receivedAt = receivedAt
        self.messageSID = messageSID
        self.callSID = callSID
        self.accountSID = accountSID
        self.from = from
        self.to = to
        self.status = status
        self.parameters = parameters
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        offset = try message.int("offset") ?? 0
        type = try message.string("type") ?? ""
        receivedAt = try message.string("received_at") ?? ""
        messageSID = try message.string("message_sid") ?? ""
        callSID = try message.string("call_sid") ?? ""
        accountSID = try message.string("account_sid") ?? ""
        from = try message.string("from") ?? ""
        to = try message.string("to") ?? ""
        status = try message.string("status") ?? ""
        parameters = [:]
        for entry in try message.messages("parameters") {
            try entry.expectType(Self.parametersEntryTypeName)
            parameters[try entry.string("key") ?? ""] = try entry.string("value") ?? ""
        }
    }

    public var protoMessage: ProtoMessage {
        let entries = parameters.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { key, value in
            ProtoValue.message(
                ProtoMessage(typeName: Self.parametersEntryTypeName, ["key": .string(key), "value": .string(value)])
            )
        }
        return ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "offset": .int(offset), "type": .string(type), "received_at": .string(receivedAt),
                "message_sid": .string(messageSID), "call_sid": .string(callSID), "account_sid": .string(accountSID),
                "from": .string(from), "to": .string(to), "status": .string(status), "parameters": .list(entries),
            ]
        )
    }
}
