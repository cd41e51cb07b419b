/// A Challenge resource as Verify v2 returns it from create, fetch and update.
///
/// Every field but ``sid`` may be missing or null; dates stay in Twilio's ISO 8601 text.
public struct TwilioChallenge: Hashable, Sendable {
    /// The challenge SID, `YC…`.
    public var sid: String
    /// The account, `AC…`.
    public var accountSID: String?
    /// The Verify Service, `VA…`.
    public var serviceSID: String?
    /// The entity, `YE…`.
    public var entitySID: String?
    /// The identity the challenge belongs to.
    public var identity: String?
    /// The factor challenged, `YF…`.
    public var factorSID: String?
    /// `pending`, `expired`, `approved` or `denied`.
    public var status: String?
    /// `none`, `not_needed` or `not_requested`.
    public var respondedReason: String?
    /// `totp`, `push` or `passkeys`.
    public var factorType: String?
    /// When the challenge was created, ISO 8601.
    public var dateCreated: String?
    /// When the challenge last changed, ISO 8601.
    public var dateUpdated: String?
    /// When the challenge was answered, ISO 8601, or `nil` while pending.
    public var dateResponded: String?
    /// When the challenge expires, ISO 8601.
    public var expirationDate: String?
    /// The resource's absolute URL.
    public var url: String?

    /// Creates a challenge; tests use this to state what they expect.
    ///
    /// - Parameters:
    ///   - sid: The challenge SID.
    ///   - accountSID: The account.
    ///   - serviceSID: The Verify Service.
    ///   - entitySID: The entity.
    ///   - identity: The identity.
    ///   - factorSID: The factor.
    ///   - status: The status.
    ///   - respondedReason: Why it ended as it did.
    ///   - factorType: The factor type.
    ///   - dateCreated: The creation date.
    ///   - dateUpdated: The update date.
    ///   - dateResponded: The answer date.
    ///   - expirationDate: The expiry date.
    ///   - url: The resource's URL.
    public init(
        sid: String,
        accountSID: String? = nil,
        serviceSID: String? = nil,
        entitySID: String? = nil,
        identity: String? = nil,
        factorSID: String? = nil,
        status: String? = nil,
        respondedReason: String? = nil,
        factorType: String? = nil,
        dateCreated: String? = nil,
        dateUpdated: String? = nil,
        dateResponded: String? = nil,
        expirationDate: String? = nil,
        url: String? = nil
    ) {
        self.sid = sid
        self.accountSID = accountSID
        self.serviceSID = serviceSID
        self.entitySID = entitySID
        self.identity = identity
        self.factorSID = factorSID
        self.status = status
        self.respondedReason = respondedReason
        self.factorType = factorType
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
        self.dateResponded = dateResponded
        self.expirationDate = expirationDate
        self.url = url
    }
}

extension TwilioChallenge: Decodable {
    enum CodingKeys: String, CodingKey {
        case sid
        case accountSID = "account_sid"
        case serviceSID = "service_sid"
        case entitySID = "entity_sid"
        case identity
        case factorSID = "factor_sid"
        case status
        case respondedReason = "responded_reason"
        case factorType = "factor_type"
        case dateCreated = "date_created"
        case dateUpdated = "date_updated"
        case dateResponded = "date_responded"
        case expirationDate = "expiration_date"
        case url
    }

    /// Decodes Twilio's JSON; only `sid` is required.
    ///
    /// - Throws: `DecodingError` when `sid` is missing or not a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sid = try container.decode(String.self, forKey: .sid)
        accountSID = container.decodeLenientString(forKey: .accountSID)
        serviceSID = container.decodeLenientString(forKey: .serviceSID)
        entitySID = container.decodeLenientString(forKey: .entitySID)
        identity = container.decodeLenientString(forKey: .identity)
        factorSID = container.decodeLenientString(forKey: .factorSID)
        status = container.decodeLenientString(forKey: .status)
        respondedReason = container.decodeLenientString(forKey: .respondedReason)
        factorType = container.decodeLenientString(forKey: .factorType)
        dateCreated = container.decodeLenientString(forKey: .dateCreated)
        dateUpdated = container.decodeLenientString(forKey: .dateUpdated)
        dateResponded = container.decodeLenientString(forKey: .dateResponded)
        expirationDate = container.decodeLenientString(forKey: .expirationDate)
        url = container.decodeLenientString(forKey: .url)
    }
}
