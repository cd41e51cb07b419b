internal import HTTPServer

/// A `POST /v2/Services/{ServiceSid}/Verifications` request that passed every check.
///
/// ``init(form:)`` answers 60200 naming the first parameter that is wrong, in this order:
/// `To` missing; `Channel` missing or not one of ``VerifyRules/channels`` (the sandbox does not
/// simulate `sna` and `auto`); `To` not E.164 for `sms`, `call` and `whatsapp`, or not an email
/// address for `email`; `Locale` not shaped like `en` or `pt-BR`; `ChannelConfiguration` not a
/// JSON object, or with a `from` that is not an email address.
struct VerificationDraft: Sendable {
    /// The email settings read from `ChannelConfiguration`.
    struct EmailSettings: Sendable {
        var from: String?
        var fromName: String?
        var templateID: String?
    }

    var to: String
    var channel: String
    var locale: String?
    var customFriendlyName: String?
    var email: EmailSettings?

    init(form: HTTPForm) throws(TwilioError) {
        let to = form["To"] ?? ""
        let channel = form["Channel"] ?? ""
        guard !to.isEmpty else {
            throw .invalidParameter("To", "To is required: an E.164 phone number, or an email address for email")
        }
        guard VerifyRules.channels.contains(channel) else {
            throw .invalidParameter(
                "Channel",
                "Channel must be one of \(VerifyRules.channels.joined(separator: ", ")); got '\(channel)'"
            )
        }
        if channel == "email" {
            guard VerifyAddress.isEmail(to) else {
                throw .invalidParameter("To", "the email channel needs an email address")
            }
        } else if !PhoneNumberFormat.isE164(to) {
            throw .invalidParameter("To", "the \(channel) channel needs an E.164 phone number such as +15551234567")
        }

        let locale = Self.nonEmpty(form["Locale"])
        if let locale, !Self.isLocale(locale) {
            throw .invalidParameter("Locale", "Locale must look like en or pt-BR; got '\(locale)'")
        }
        self.to = to
        self.channel = channel
        self.locale = locale
        self.customFriendlyName = Self.nonEmpty(form["CustomFriendlyName"])
        self.email = try Self.emailSettings(form["ChannelConfiguration"])
    }

    private static func emailSettings(_ text: String?) throws(TwilioError) -> EmailSettings? {
        guard let text else {
            return nil
        }
        guard let document = JSONDocument(parsing: text), case .object = document else {
            throw .invalidParameter("ChannelConfiguration", "ChannelConfiguration must be a JSON object")
        }
        var settings = EmailSettings()
        if case .string(let from)? = document["from"] {
            guard VerifyAddress.isEmail(from) else {
                throw .invalidParameter("ChannelConfiguration", "its from must be a valid email address")
            }
            settings.from = from
        }
        if case .string(let name)? = document["from_name"] {
            settings.fromName = name
        }
        if case .string(let template)? = document["template_id"] {
            settings.templateID = template
        }
        return settings
    }

    /// A language subtag of 2 or 3 letters, optionally followed by `-` and a region or script
    /// of 2 to 4 letters or digits (`en`, `pt-BR`, `zh-HK`).
    private static func isLocale(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (2...3).contains(parts[0].count),
            parts[0].allSatisfy({ $0.isASCII && $0.isLetter })
        else {
            return false
        }
        return parts.count == 1
            || ((2...4).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else {
            return nil
        }
        return value
    }
}
