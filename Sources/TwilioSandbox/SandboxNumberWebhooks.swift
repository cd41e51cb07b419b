/// Where Twilio calls an application about one of the account's numbers, as the
/// IncomingPhoneNumbers resource holds it: `SmsUrl`, `VoiceUrl`, `StatusCallback`.
public struct SandboxNumberWebhooks: Sendable, Hashable {
    /// `SmsUrl`: where an inbound message to the number is posted, unless the number belongs
    /// to a Messaging Service with an inbound request URL.
    public var smsURL: String?
    /// `SmsMethod`: `POST` or `GET`.
    public var smsMethod: String
    /// `VoiceUrl`: where an inbound call to the number fetches its TwiML.
    public var voiceURL: String?
    /// `VoiceMethod`: `POST` or `GET`.
    public var voiceMethod: String
    /// `StatusCallback`: told when an inbound call to the number has ended.
    public var statusCallback: String?

    /// Creates the settings; `nil` URLs are not called.
    public init(
        smsURL: String? = nil,
        smsMethod: String = "POST",
        voiceURL: String? = nil,
        voiceMethod: String = "POST",
        statusCallback: String? = nil
    ) {
        self.smsURL = smsURL
        self.smsMethod = smsMethod
        self.voiceURL = voiceURL
        self.voiceMethod = voiceMethod
        self.statusCallback = statusCallback
    }
}
