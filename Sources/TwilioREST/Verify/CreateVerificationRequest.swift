/// The parameters of `POST /v2/Services/{ServiceSid}/Verifications`.
///
/// Twilio checks the values (60200 for a bad `To`, `Channel` or `Locale`; 60203 when too many
/// codes went to the same `To`); the client sends what it is given.
public struct CreateVerificationRequest: Hashable, Sendable {
    /// The phone number in E.164, or the email address for the `email` channel.
    public var to: String
    /// `sms`, `call`, `email`, `whatsapp`, `sna` or `auto`.
    public var channel: String
    /// A name that replaces the Verify Service's friendly name in the message.
    public var customFriendlyName: String?
    /// The message's language, such as `en` or `pt-BR`, instead of the one Twilio picks.
    public var locale: String?
    /// The sender and template of an email.
    public var channelConfiguration: VerificationChannelConfiguration?

    /// Creates the parameters of a verification.
    ///
    /// - Parameters:
    ///   - to: The recipient.
    ///   - channel: The channel.
    ///   - customFriendlyName: The name shown in the message, if not the service's.
    ///   - locale: The language, if not Twilio's choice.
    ///   - channelConfiguration: The email configuration, if any.
    public init(
        to: String,
        channel: String,
        customFriendlyName: String? = nil,
        locale: String? = nil,
        channelConfiguration: VerificationChannelConfiguration? = nil
    ) {
        self.to = to
        self.channel = channel
        self.customFriendlyName = customFriendlyName
        self.locale = locale
        self.channelConfiguration = channelConfiguration
    }

    /// The form fields, in the order twilio-python writes them; `nil` parameters are left out.
    var formFields: [FormField] {
        var fields = [FormField("To", to), FormField("Channel", channel)]
        if let customFriendlyName {
            fields.append(FormField("CustomFriendlyName", customFriendlyName))
        }
        if let locale {
            fields.append(FormField("Locale", locale))
        }
        if let channelConfiguration {
            fields.append(FormField("ChannelConfiguration", channelConfiguration.jsonText))
        }
        return fields
    }
}
