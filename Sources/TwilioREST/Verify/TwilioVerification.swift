/// A Verification resource as Verify v2 returns it from create, fetch and update.
///
/// Decoding takes Twilio's snake_case JSON and ignores fields it does not know; every field
/// but ``sid`` may be missing or null. Dates stay in Twilio's ISO 8601 text, such as
/// `2025-01-01T12:00:00Z`.
public struct TwilioVerification: Hashable, Sendable {
    /// One delivery of the code (an element of `send_code_attempts`).
    public struct SendCodeAttempt: Hashable, Sendable {
        /// The attempt SID, `VL…`.
        public var attemptSID: String?
        /// The channel, in Twilio's varying case (`SMS`, `email`, `whatsapp`).
        public var channel: String?
        /// When the code was sent, ISO 8601.
        public var time: String?

        /// Creates an attempt.
        ///
        /// - Parameters:
        ///   - attemptSID: The attempt SID.
        ///   - channel: The channel.
        ///   - time: When the code was sent.
        public init(attemptSID: String? = nil, channel: String? = nil, time: String? = nil) {
            self.attemptSID = attemptSID
            self.channel = channel
            self.time = time
        }
    }

    /// The verification SID, `VE…`.
    public var sid: String
    /// The Verify Service, `VA…`.
    public var serviceSID: String?
    /// The account, `AC…`.
    public var accountSID: String?
    /// The phone number or email address being verified.
    public var to: String?
    /// The channel the code was last sent on.
    public var channel: String?
    /// `pending`, `approved`, `canceled`, `max_attempts_reached`, `deleted`, `failed` or `expired`.
    public var status: String?
    /// Whether the verification was approved.
    public var valid: Bool?
    /// Each delivery of the code, oldest first.
    public var sendCodeAttempts: [SendCodeAttempt]
    /// When the verification was created, ISO 8601.
    public var dateCreated: String?
    /// When the verification last changed, ISO 8601.
    public var dateUpdated: String?
    /// The resource's absolute URL.
    public var url: String?

    /// Creates a verification; tests use this to state what they expect.
    ///
    /// - Parameters:
    ///   - sid: The verification SID.
    ///   - serviceSID: The Verify Service.
    ///   - accountSID: The account.
    ///   - to: The recipient.
    ///   - channel: The channel.
    ///   - status: The status.
    ///   - valid: Whether it was approved.
    ///   - sendCodeAttempts: The deliveries.
    ///   - dateCreated: The creation date.
    ///   - dateUpdated: The update date.
    ///   - url: The resource's URL.
    public init(
        sid: String,
        serviceSID: String? = nil,
        accountSID: String? = nil,
        to: String? = nil,
        channel: String? = nil,
        status: String? = nil,
        valid: Bool? = nil,
        sendCodeAttempts: [SendCodeAttempt] = [],
        dateCreated: String? = nil,
        dateUpdated: String? = nil,
        url: String? = nil
    ) {
        self.sid = sid
        self.serviceSID = serviceSID
        self.accountSID = accountSID
        self.to = to
        self.channel = channel
        self.status = status
        self.valid = valid
        self.sendCodeAttempts = sendCodeAttempts
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
        self.url = url
    }
}
