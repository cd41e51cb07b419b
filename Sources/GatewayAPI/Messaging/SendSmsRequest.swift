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

    /// Creates a request.
    public init(
        to: String = "",
        sender: Sender? = nil,
        body: String = "",
        mediaURLs: [String] = [],
        statusCallback: String = ""
    ) {
        self.to = to
        self.sender = sender
        self.body = body
        self.mediaURLs = mediaURLs
        self.statusCallback = statusCallback
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

        return message
    }
}
