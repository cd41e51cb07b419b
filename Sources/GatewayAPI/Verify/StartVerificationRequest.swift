public import ProtoBridge

/// A request to start a verification (`twilio.gateway.v1.StartVerificationRequest`).
public struct StartVerificationRequest: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.StartVerificationRequest"

    /// The Verify Service SID (VA followed by 32 hex digits).
    public var serviceSID: String
    /// The phone number (E.164) or, for the email channel, the email address to verify.
    public var to: String
    /// The delivery channel as Twilio spells it: `sms`, `call`, `email` or `whatsapp`.
    public var channel: String
    /// The language of the message, such as `en` or `pt-BR`, or "".
    public var locale: String
    /// A name that replaces the Verify Service's friendly name in the message, or "".
    public var customFriendlyName: String
    /// The sender and template of an email, for the email channel only.
    public var channelConfiguration: EmailChannelConfiguration?

    /// Creates a request.
    public init(
        serviceSID: String = "",
        to: String = "",
        channel: String = "",
        locale: String = "",
        customFriendlyName: String = "",
        channelConfiguration: EmailChannelConfiguration? = nil
    ) {
        self.serviceSID = serviceSID
        self.to = to
        self.channel = channel
        self.locale = locale
        self.customFriendlyName = customFriendlyName
        self.channelConfiguration = channelConfiguration
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        serviceSID = try message.string("service_sid") ?? ""
        to = try message.string("to") ?? ""
        channel = try message.string("channel") ?? ""
        locale = try message.string("locale") ?? ""
        customFriendlyName = try message.string("custom_friendly_name") ?? ""
        channelConfiguration = try message.message("channel_configuration").map(EmailChannelConfiguration.init)
    }

    public var protoMessage: ProtoMessage {
        var message = ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "service_sid": .string(serviceSID), "to": .string(to), "channel": .string(channel),
                "locale": .string(locale), "custom_friendly_name": .string(customFriendlyName),
            ]
        )
        message["channel_configuration"] = channelConfiguration.map { .message($0.protoMessage) }

        return message
    }
}
