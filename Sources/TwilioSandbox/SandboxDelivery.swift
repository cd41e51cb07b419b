/// One text that reached a phone or email address in the sandbox: a verification code sent by
/// Verify, or a message sent through the Messages API. Together they make the address's inbox
/// (``TwilioSandbox/deliveries(to:accountSID:)``, `GET /sandbox/inbox/{address}`).
public struct SandboxDelivery: Sendable, Hashable {
    /// The verification (`VE…`) or message (`SM…`, `MM…`) that was delivered.
    public var sid: String
    /// The account that sent it.
    public var accountSID: String
    /// How it arrived: `sms`, `call`, `whatsapp` or `email` for Verify; `sms`, `mms` or
    /// `whatsapp` for messages.
    public var channel: String
    /// The address it was sent to, as the request gave it.
    public var to: String
    /// The sender: the message's `From`, or an email's sender; `nil` for Verify's phone channels.
    public var from: String?
    /// The text as the recipient reads it (for `call`, what the voice says).
    public var body: String
    /// The verification code the text carries; `nil` for messages.
    public var code: String?
    /// The locale the verification asked for; `nil` when none was given, and for messages. The
    /// sandbox writes every text in English.
    public var locale: String?
    /// When it was delivered, in seconds since 1970.
    public var date: Double

    /// Creates a delivery.
    ///
    /// - Parameters:
    ///   - sid: The verification or message SID.
    ///   - accountSID: The sending account.
    ///   - channel: How it arrived.
    ///   - to: The address it was sent to.
    ///   - from: The sender, if any.
    ///   - body: The text.
    ///   - code: The verification code, if any.
    ///   - locale: The requested locale, if any.
    ///   - date: When it was delivered, in seconds since 1970.
    public init(
        sid: String,
        accountSID: String,
        channel: String,
        to: String,
        from: String? = nil,
        body: String,
        code: String? = nil,
        locale: String? = nil,
        date: Double
    ) {
        self.sid = sid
        self.accountSID = accountSID
        self.channel = channel
        self.to = to
        self.from = from
        self.body = body
        self.code = code
        self.locale = locale
        self.date = date
    }
}
