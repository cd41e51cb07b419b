extension TwilioVerification: Decodable {
    enum CodingKeys: String, CodingKey {
        case sid
        case serviceSID = "service_sid"
        case accountSID = "account_sid"
        case to
        case channel
        case status
        case valid
        case sendCodeAttempts = "send_code_attempts"
        case dateCreated = "date_created"
        case dateUpdated = "date_updated"
        case url
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
        sendCodeAttempts = (try? container.decodeIfPresent([SendCodeAttempt].self, forKey: .sendCodeAttempts)) ?? []
        dateCreated = container.decodeLenientString(forKey: .dateCreated)
        dateUpdated = container.decodeLenientString(forKey: .dateUpdated)
        url = container.decodeLenientString(forKey: .url)
    }
}

extension TwilioVerification.SendCodeAttempt: Decodable {
    enum CodingKeys: String, CodingKey {
        case attemptSID = "attempt_sid"
        case channel
        case time
    }

    /// Decodes one element of `send_code_attempts`; every member may be missing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        attemptSID = container.decodeLenientString(forKey: .attemptSID)
        channel = container.decodeLenientString(forKey: .channel)
        time = container.decodeLenientString(forKey: .time)
    }
}
