extension TwilioCall: Codable {
    enum CodingKeys: String, CodingKey {
        case sid
        case accountSID = "account_sid"
        case parentCallSID = "parent_call_sid"
        case to
        case toFormatted = "to_formatted"
        case from
        case fromFormatted = "from_formatted"
        case phoneNumberSID = "phone_number_sid"
        case status
        case startTime = "start_time"
        case endTime = "end_time"
        case duration
        case price
        case priceUnit = "price_unit"
        case direction
        case answeredBy = "answered_by"
        case apiVersion = "api_version"
        case forwardedFrom = "forwarded_from"
        case callerName = "caller_name"
        case queueTime = "queue_time"
        case dateCreated = "date_created"
        case dateUpdated = "date_updated"
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
        parentCallSID = container.decodeLenientString(forKey: .parentCallSID)
        to = container.decodeLenientString(forKey: .to)
        toFormatted = container.decodeLenientString(forKey: .toFormatted)
        from = container.decodeLenientString(forKey: .from)
        fromFormatted = container.decodeLenientString(forKey: .fromFormatted)
        phoneNumberSID = container.decodeLenientString(forKey: .phoneNumberSID)
        status = container.decodeLenientString(forKey: .status).map(TwilioCallStatus.init(rawValue:))
        startTime = container.decodeLenientString(forKey: .startTime)
        endTime = container.decodeLenientString(forKey: .endTime)
        duration = container.decodeLenientString(forKey: .duration)
        price = container.decodeLenientString(forKey: .price)
        priceUnit = container.decodeLenientString(forKey: .priceUnit)
        direction = container.decodeLenientString(forKey: .direction)
        answeredBy = container.decodeLenientString(forKey: .answeredBy)
        apiVersion = container.decodeLenientString(forKey: .apiVersion)
        forwardedFrom = container.decodeLenientString(forKey: .forwardedFrom)
        callerName = container.decodeLenientString(forKey: .callerName)
        queueTime = container.decodeLenientString(forKey: .queueTime)
        dateCreated = container.decodeLenientString(forKey: .dateCreated)
        dateUpdated = container.decodeLenientString(forKey: .dateUpdated)
        uri = container.decodeLenientString(forKey: .uri)
        subresourceURIs = try? container.decodeIfPresent([String: String].self, forKey: .subresourceURIs)
    }

    /// Encodes the call as Twilio does, writing `null` for each field that is `nil`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sid, forKey: .sid)
        try container.encode(accountSID, forKey: .accountSID)
        try container.encode(parentCallSID, forKey: .parentCallSID)
        try container.encode(to, forKey: .to)
        try container.encode(toFormatted, forKey: .toFormatted)
        try container.encode(from, forKey: .from)
        try container.encode(fromFormatted, forKey: .fromFormatted)
        try container.encode(phoneNumberSID, forKey: .phoneNumberSID)
        try container.encode(status, forKey: .status)
        try container.encode(startTime, forKey: .startTime)
        try container.encode(endTime, forKey: .endTime)
        try container.encode(duration, forKey: .duration)
        try container.encode(price, forKey: .price)
        try container.encode(priceUnit, forKey: .priceUnit)
        try container.encode(direction, forKey: .direction)
        try container.encode(answeredBy, forKey: .answeredBy)
        try container.encode(apiVersion, forKey: .apiVersion)
        try container.encode(forwardedFrom, forKey: .forwardedFrom)
        try container.encode(callerName, forKey: .callerName)
        try container.encode(queueTime, forKey: .queueTime)
        try container.encode(dateCreated, forKey: .dateCreated)
        try container.encode(dateUpdated, forKey: .dateUpdated)
        try container.encode(uri, forKey: .uri)
        try container.encode(subresourceURIs, forKey: .subresourceURIs)
    }
}
