/// A VerificationCheck resource as Verify v2 returns it.
///
/// Its ``sid`` is the checked verification's. Every other field may be missing or null.
public struct TwilioVerificationCheck: Hashable, Sendable {
    /// The verification SID, `VE…`.
    public var sid: String
    /// The Verify Service, `VA…`.
    public var serviceSID: String?
    /// The account, `AC…`.
    public var accountSID: String?
    /// The phone number or email address being verified.
    public var to: String?
    /// The channel the code was sent on.
    public var channel: String?
    /// `approved` when the code was right, `pending` otherwise.
    public var status: String?
    /// Whether the code was right.
    public var valid: Bool?
    /// When the verification was created, ISO 8601.
    public var dateCreated: String?
    /// When the verification last changed, ISO 8601.
    public var dateUpdated: String?

    /// Creates a check result; tests use this to state what they expect.
    ///
    /// - Parameters:
    ///   - sid: The verification SID.
    ///   - serviceSID: The Verify Service.
    ///   - accountSID: The account.
    ///   - to: The recipient.
    ///   - channel: The channel.
    ///   - status: The status.
    ///   - valid: Whether the code was right.
    ///   - dateCreated: The creation date.
    ///   - dateUpdated: The update date.
    public init(
        sid: String,
        serviceSID: String? = nil,
        accountSID: String? = nil,
        to: String? = nil,
        channel: String? = nil,
        status: String? = nil,
        valid: Bool? = nil,
        dateCreated: String? = nil,
        dateUpdated: String? = nil
    ) {
        self.sid = sid
        self.serviceSID = serviceSID
        self.accountSID = accountSID
        self.to = to
        self.channel = channel
        self.status = status
        self.valid = valid
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}

extension TwilioVerificationCheck: Decodable {
    enum CodingKeys: String, CodingKey {
        case sid
        case serviceSID = "service_sid"
        case accountSID = "account_sid"
        case to
        case channel
        case status
        case valid
        case dateCreated = "date_created"
        case dateUpdated = "date_updated"
    }

    /// Decodes Twilio's JSON; only `sid` is required.
    ///
    /// - Throws: `DecodingError` when `sid` is missing or not a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sid = try container.decode(String.self, forKey: .sid)
        serviceSID = container.decodeLenientString(forKey: .serviceSID)
        accountSID = container.decodeLenientString(forKey: .accountSID)
        to = container.decodeLenientString(forKey: .to)
        channel = container.decodeLenientString(forKey: .channel)
        status = container.decodeLenientString(forKey: .status)
        valid = try? container.decodeIfPresent(Bool.self, forKey: .valid)
        dateCreated = container.decodeLenientString(forKey: .dateCreated)
        dateUpdated = container.decodeLenientString(forKey: .dateUpdated)
    }
}
