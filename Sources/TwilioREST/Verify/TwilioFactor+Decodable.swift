extension TwilioFactor: Decodable {
    enum CodingKeys: String, CodingKey {
        case sid
        case accountSID = "account_sid"
        case serviceSID = "service_sid"
        case entitySID = "entity_sid"
        case identity
        case friendlyName = "friendly_name"
        case status
        case factorType = "factor_type"
        case binding
        case config
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
        accountSID = container.decodeLenientString(forKey: .accountSID)
        serviceSID = container.decodeLenientString(forKey: .serviceSID)
        entitySID = container.decodeLenientString(forKey: .entitySID)
        identity = container.decodeLenientString(forKey: .identity)
        friendlyName = container.decodeLenientString(forKey: .friendlyName)
        status = container.decodeLenientString(forKey: .status)
        factorType = container.decodeLenientString(forKey: .factorType)
        binding = try? container.decodeIfPresent(Binding.self, forKey: .binding)
        config = try? container.decodeIfPresent(Config.self, forKey: .config)
        dateCreated = container.decodeLenientString(forKey: .dateCreated)
        dateUpdated = container.decodeLenientString(forKey: .dateUpdated)
        url = container.decodeLenientString(forKey: .url)
    }
}

extension TwilioFactor.Binding: Decodable {
    enum CodingKeys: String, CodingKey {
        case secret
        case uri
    }

    /// Decodes `binding`; both members may be missing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        secret = container.decodeLenientString(forKey: .secret)
        uri = container.decodeLenientString(forKey: .uri)
    }
}

extension TwilioFactor.Config: Decodable {
    enum CodingKeys: String, CodingKey {
        case timeStep = "time_step"
        case skew
        case codeLength = "code_length"
        case algorithm = "alg"
    }

    /// Decodes `config`; numbers may come as JSON numbers or strings, and every member may be
    /// missing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timeStep = container.decodeLenientInt(forKey: .timeStep)
        skew = container.decodeLenientInt(forKey: .skew)
        codeLength = container.decodeLenientInt(forKey: .codeLength)
        algorithm = container.decodeLenientString(forKey: .algorithm)
    }
}
