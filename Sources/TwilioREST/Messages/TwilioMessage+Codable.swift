extension TwilioMessage: Codable {
    enum CodingKeys: String, CodingKey {
        case sid
        case accountSID = "account_sid"
        case messagingServiceSID = "messaging_service_sid"
        case from
        case to
        case body
        case status
        case direction
        case numSegments = "num_segments"
        case numMedia = "num_media"
        case price
        case priceUnit = "price_unit"
        case errorCode = "error_code"
        case errorMessage = "error_message"
        case dateCreated = "date_created"
        case dateUpdated = "date_updated"
        case dateSent = "date_sent"
        case apiVersion = "api_version"
        case uri
        case subresourceURIs = "subresource_uris"
    }

    /// Decodes Twilio's JSON; only `sid` is required.
    ///
    /// - Throws: `DecodingError` when `sid` is missing or not a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sid = try container.decode(String.self, forKey: .sid)
        accountSID = container.decodeLenientString(forKey: .accountSID)
        messagingServiceSID = container.decodeLenientString(forKey: .messagingServiceSID)
        from = container.decodeLenientString(forKey: .from)
        to = container.decodeLenientString(forKey: .to)
        body = container.decodeLenientString(forKey: .body)
        status = container.decodeLenientString(forKey: .status).map(TwilioMessageStatus.init(rawValue:))
        direction = container.decodeLenientString(forKey: .direction)
        numSegments = container.decodeLenientString(forKey: .numSegments)
        numMedia = container.decodeLenientString(forKey: .numMedia)
        price = container.decodeLenientString(forKey: .price)
        priceUnit = container.decodeLenientString(forKey: .priceUnit)
        errorCode = container.decodeLenientInt(forKey: .errorCode)
        errorMessage = container.decodeLenientString(forKey: .errorMessage)
        dateCreated = container.decodeLenientString(forKey: .dateCreated)
        dateUpdated = container.decodeLenientString(forKey: .dateUpdated)
        dateSent = container.decodeLenientString(forKey: .dateSent)
        apiVersion = container.decodeLenientString(forKey: .apiVersion)
        uri = container.decodeLenientString(forKey: .uri)
        subresourceURIs = try? container.decodeIfPresent([String: String].self, forKey: .subresourceURIs)
    }

    /// Encodes the message as Twilio does, writing `null` for each field that is `nil`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sid, forKey: .sid)
        try container.encode(accountSID, forKey: .accountSID)
        try container.encode(messagingServiceSID, forKey: .messagingServiceSID)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(body, forKey: .body)
        try container.encode(status, forKey: .status)
        try container.encode(direction, forKey: .direction)
        try container.encode(numSegments, forKey: .numSegments)
        try container.encode(numMedia, forKey: .numMedia)
        try container.encode(price, forKey: .price)
        try container.encode(priceUnit, forKey: .priceUnit)
        try container.encode(errorCode, forKey: .errorCode)
        try container.encode(errorMessage, forKey: .errorMessage)
        try container.encode(dateCreated, forKey: .dateCreated)
        try container.encode(dateUpdated, forKey: .dateUpdated)
        try container.encode(dateSent, forKey: .dateSent)
        try container.encode(apiVersion, forKey: .apiVersion)
        try container.encode(uri, forKey: .uri)
        try container.encode(subresourceURIs, forKey: .subresourceURIs)
    }
}
