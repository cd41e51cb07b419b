public import ProtoBridge

/// A request to send one message to each of many recipients (`twilio.gateway.v1.BulkSendSmsRequest`).
public struct BulkSendSmsRequest: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.BulkSendSmsRequest"

    /// Sender numbers; recipients are spread over them in turn, each with its own pace.
    public var fromNumbers: [String]
    /// A Messaging Service SID to send through instead, or "".
    public var messagingServiceSID: String
    /// The text, with `{{name}}` placeholders filled from each recipient's variables.
    public var bodyTemplate: String
    /// Public URLs of media to attach to every message.
    public var mediaURLs: [String]
    /// A URL that Twilio calls with each status change of every message, or "".
    public var statusCallback: String
    /// The recipients.
    public var recipients: [BulkRecipient]
    /// Each sender's pace in messages (SMS segments) per second; 0 sends without pacing, and
    /// `nil` takes the default for the kind of sender.
    public var messagesPerSecond: Double?
    /// How many sends may be in flight at once (1...64), or 0 for the default of 16.
    public var maxConcurrency: Int32
    /// How many times one recipient is tried on 429 answers (1...10), or 0 for the default of 5.
    public var maxAttempts: Int32
    /// Seconds each message may wait in Twilio's queue (1...36000), or 0 for Twilio's default.
    public var validityPeriod: Int32

    /// Creates a request.
    public init(
        fromNumbers: [String] = [],
        messagingServiceSID: String = "",
        bodyTemplate: String = "",
        mediaURLs: [String] = [],
        statusCallback: String = "",
        recipients: [BulkRecipient] = [],
        messagesPerSecond: Double? = nil,
        maxConcurrency: Int32 = 0,
        maxAttempts: Int32 = 0,
        validityPeriod: Int32 = 0
    ) {
        self.fromNumbers = fromNumbers
        self.messagingServiceSID = messagingServiceSID
        self.bodyTemplate = bodyTemplate
        self.mediaURLs = mediaURLs
        self.statusCallback = statusCallback
        self.recipients = recipients
        self.messagesPerSecond = messagesPerSecond
        self.maxConcurrency = maxConcurrency
        self.maxAttempts = maxAttempts
        self.validityPeriod = validityPeriod
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        fromNumbers = try message.strings("from")
        messagingServiceSID = try message.string("messaging_service_sid") ?? ""
        bodyTemplate = try message.string("body_template") ?? ""
        mediaURLs = try message.strings("media_urls")
        statusCallback = try message.string("status_callback") ?? ""
        recipients = try message.messages("recipients").map(BulkRecipient.init(protoMessage:))
        messagesPerSecond = try message.double("messages_per_second")
        maxConcurrency = try message.int32("max_concurrency") ?? 0
        maxAttempts = try message.int32("max_attempts") ?? 0
        validityPeriod = try message.int32("validity_period") ?? 0
    }

    public var protoMessage: ProtoMessage {
        var message = ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "from": .list(fromNumbers.map(ProtoValue.string)),
                "messaging_service_sid": .string(messagingServiceSID), "body_template": .string(bodyTemplate),
                "media_urls": .list(mediaURLs.map(ProtoValue.string)), "status_callback": .string(statusCallback),
                "recipients": .list(recipients.map { .message($0.protoMessage) }),
                "max_concurrency": .int(Int64(maxConcurrency)), "max_attempts": .int(Int64(maxAttempts)),
                "validity_period": .int(Int64(validityPeriod)),
            ]
        )
        if let messagesPerSecond {
            message["messages_per_second"] = .double(messagesPerSecond)
        }
        return message
    }
}
