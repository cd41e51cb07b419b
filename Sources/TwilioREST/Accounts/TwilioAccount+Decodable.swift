extension TwilioAccount: Decodable {
    enum CodingKeys: String, CodingKey {
        case sid
        case friendlyName = "friendly_name"
        case status
        case type
        case ownerAccountSID = "owner_account_sid"
        case dateCreated = "date_created"
        case dateUpdated = "date_updated"
        case uri
    }

    /// Decodes Twilio's JSON; only `sid` is required.
    ///
    /// - Throws: `DecodingError` when `sid` is missing or not a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sid = try container.decode(String.self, forKey: .sid)
        friendlyName = container.decodeLenientString(forKey: .friendlyName)
        status = container.decodeLenientString(forKey: .status)
        type = container.decodeLenientString(forKey: .type)
        ownerAccountSID = container.decodeLenientString(forKey: .ownerAccountSID)
        dateCreated = container.decodeLenientString(forKey: .dateCreated)
        dateUpdated = container.decodeLenientString(forKey: .dateUpdated)
        uri = container.decodeLenientString(forKey: .uri)
    }
}
