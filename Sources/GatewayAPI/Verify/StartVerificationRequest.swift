public import ProtoBridge

/// A request to start a verification (`twilio.gateway.v1.StartVerificationRequest`).
public struct StartVerificationRequest: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.StartVerificationRequest"

    /// The Verify Service SID (VA followed by 32 hex digits).
    public var serviceSID: String
    /// The phone number (E.164) or email address to verify.
    public var to: String
    /// The delivery channel: sms, call, email or whatsapp.
    public var channel: String
    /// The language of the message, such as `en` or `pt-BR`, or "".
    public var locale: String

    /// Creates a request.
    public init(serviceSID: String = "", to: String = "", channel: String = "", locale: String = "") {
        self.serviceSID = serviceSID
        self.to = to
        self.channel = channel
        self.locale = locale
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        serviceSID = try message.string("service_sid") ?? ""
        to = try message.string("to") ?? ""
        channel = try message.string("channel") ?? ""
        locale = try message.string("locale") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "service_sid": .string(serviceSID), "to": .string(to), "channel": .string(channel),
                "locale": .string(locale),
            ]
        )
    }
}
