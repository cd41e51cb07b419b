public import ProtoBridge

/// A request to send one SMS or MMS message (`twilio.gateway.v1.SendSmsRequest`).
public struct SendSmsRequest: Hashable, Sendable, ProtoMessageConvertible {
    /// Who a message comes from (the `sender` oneof).
    public enum Sender: Hashable, Sendable {
        /// A Twilio phone number, short code or alphanumeric sender ID of the account.
        case from(String)
        /// A Messaging Service SID; Twilio picks the sender from the service's pool.
        case messagingServiceSID(String)
    }

    public static let protoTypeName = "twilio.gateway.v1.SendSmsRequest"
    private static let contentVariablesEntryTypeName = "twilio.gateway.v1.SendSmsRequest.ContentVariablesEntry"

    /// The recipient, in E.164 format.
    public var to: String
    /// Who the message comes from; exactly one must be given for Twilio to accept it.
    public var sender: Sender?
    /// The text of the message, at most 1,600 characters.
    public var body: String
    /// Public URLs of media to attach (MMS), at most 10.
    public var mediaURLs: [String]
    /// A URL that Twilio calls with each status change of the message, or "".
    public var statusCallback: String
    /// Seconds the message may wait in Twilio's queue (1...36000), or 0 for Twilio's default.
    public var validityPeriod: Int32
    /// When to send the message, as RFC 3339, or "" to send now.
    public var sendAt: String
    /// How the message is scheduled: `fixed`, or "" (which means `fixed` when ``sendAt`` is set).
    public var scheduleType: String
    /// A Content template SID (`HX…`), or "".
    public var contentSID: String
    /// Values for the template's placeholders, by placeholder name.
    public var contentVariables: [String: String]
    /// Values for the template's placeholders as JSON object text, or "".
    public var contentVariablesJSON: String
    /// A key that makes the send safe to retry, or "".
    public var idempotencyKey: String

    /// Creates a request.
    public init(
        to: String = "",
        sender: Sender? = nil,
        body: String = "",
        mediaURLs: [String] = [],
        statusCallback: String = "",
        validityPeriod: Int32 = 0,
        sendAt: String = "",
        scheduleType: String = "",
        contentSID: String = "",
        contentVariables: [String: String] = [:],
        contentVariablesJSON: String = "",
        idempotencyKey: String = ""
    ) {
        self.to = to
        self.sender = sender
        self.body = body
        self.mediaURLs = mediaURLs
        self.statusCallback = statusCallback
        self.validityPeriod = validityPeriod
        self.sendAt = sendAt
        self.scheduleType = scheduleType
        self.contentSID = contentSID
        self.contentVariables = contentVariables
        self.contentVariablesJSON = contentVariablesJSON
        self.idempotencyKey = idempotencyKey
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        to = try message.string("to") ?? ""
        if let from = try message.string("from") {
            sender = .from(from)
        } else if let sid = try message.string("messaging_service_sid") {
            sender = .messagingServiceSID(sid)
        } else {
            sender = nil
        }
        body = try message.string("body") ?? ""
        mediaURLs = try message.strings("media_urls")
        statusCallback = try message.string("status_callback") ?? ""
        validityPeriod = try message.int32("validity_period") ?? 0
        sendAt = try message.string("send_at") ?? ""
        scheduleType = try message.string("schedule_type") ?? ""
        contentSID = try message.string("content_sid") ?? ""
        contentVariables = [:]
        for entry in try message.messages("content_variables") {
            try entry.expectType(Self.contentVariablesEntryTypeName)
            contentVariables[try entry.string("key") ?? ""] = try entry.string("value") ?? ""
        }
        contentVariablesJSON = try message.string("content_variables_json") ?? ""
        idempotencyKey = try message.string("idempotency_key") ?? ""
    }

    public var protoMessage: ProtoMessage {
        var message = ProtoMessage(typeName: Self.protoTypeName)
        message["to"] = .string(to)
        switch sender {
        case .from(let from): message["from"] = .string(from)
        case .messagingServiceSID(let sid): message["messaging_service_sid"] = .string(sid)
        case nil: break
        }
        message["body"] = .string(body)
        message["media_urls"] = .list(mediaURLs.map(ProtoValue.string))
        message["status_callback"] = .string(statusCallback)
        message["validity_period"] = .int(Int64(validityPeriod))
        message["send_at"] = .string(sendAt)
        message["schedule_type"] = .string(scheduleType)
        message["content_sid"] = .string(contentSID)
        message["content_variables"] = .list(
            MapEntries.sorted(contentVariables).map { key, value in
                .message(
                    ProtoMessage(
                        typeName: Self.contentVariablesEntryTypeName,
                        ["key": .string(key), "value": .string(value)]
                    )
                )
            }
        )
        message["content_variables_json"] = .string(contentVariablesJSON)
        message["idempotency_key"] = .string(idempotencyKey)

        return message
    }
}
