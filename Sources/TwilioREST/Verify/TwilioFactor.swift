/// A Factor resource as Verify v2 returns it from create, fetch and update.
///
/// ``binding`` is only present in the answer to create. Every field but ``sid`` may be missing
/// or null; dates stay in Twilio's ISO 8601 text.
public struct TwilioFactor: Hashable, Sendable {
    /// The TOTP secret and its `otpauth://` URI (`binding`).
    public struct Binding: Hashable, Sendable {
        /// The Base32 secret. Never log it.
        public var secret: String?
        /// The `otpauth://totp/…` URI holding the secret.
        public var uri: String?

        /// Creates a binding.
        ///
        /// - Parameters:
        ///   - secret: The Base32 secret.
        ///   - uri: The `otpauth://` URI.
        public init(secret: String? = nil, uri: String? = nil) {
            self.secret = secret
            self.uri = uri
        }
    }

    /// How the TOTP codes are computed (`config`).
    public struct Config: Hashable, Sendable {
        /// Seconds per code.
        public var timeStep: Int?
        /// Steps accepted on either side of now.
        public var skew: Int?
        /// Digits per code.
        public var codeLength: Int?
        /// `sha1`, `sha256` or `sha512`.
        public var algorithm: String?

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - timeStep: Seconds per code.
        ///   - skew: Steps accepted on either side.
        ///   - codeLength: Digits per code.
        ///   - algorithm: The hash.
        public init(timeStep: Int? = nil, skew: Int? = nil, codeLength: Int? = nil, algorithm: String? = nil) {
            self.timeStep = timeStep
            self.skew = skew
            self.codeLength = codeLength
            self.algorithm = algorithm
        }
    }

    /// The factor SID, `YF…`.
    public var sid: String
    /// The account, `AC…`.
    public var accountSID: String?
    /// The Verify Service, `VA…`.
    public var serviceSID: String?
    /// The entity, `YE…`.
    public var entitySID: String?
    /// The identity the factor belongs to.
    public var identity: String?
    /// The factor's name.
    public var friendlyName: String?
    /// `unverified` or `verified`.
    public var status: String?
    /// `totp`, `push` or `passkeys`.
    public var factorType: String?
    /// The secret, in the answer to create only.
    public var binding: Binding?
    /// How codes are computed.
    public var config: Config?
    /// When the factor was created, ISO 8601.
    public var dateCreated: String?
    /// When the factor last changed, ISO 8601.
    public var dateUpdated: String?
    /// The resource's absolute URL.
    public var url: String?

    /// Creates a factor; tests use this to state what they expect.
    ///
    /// - Parameters:
    ///   - sid: The factor SID.
    ///   - accountSID: The account.
    ///   - serviceSID: The Verify Service.
    ///   - entitySID: The entity.
    ///   - identity: The identity.
    ///   - friendlyName: The name.
    ///   - status: The status.
    ///   - factorType: The factor type.
    ///   - binding: The secret.
    ///   - config: The code settings.
    ///   - dateCreated: The creation date.
    ///   - dateUpdated: The update date.
    ///   - url: The resource's URL.
    public init(
        sid: String,
        accountSID: String? = nil,
        serviceSID: String? = nil,
        entitySID: String? = nil,
        identity: String? = nil,
        friendlyName: String? = nil,
        status: String? = nil,
        factorType: String? = nil,
        binding: Binding? = nil,
        config: Config? = nil,
        dateCreated: String? = nil,
        dateUpdated: String? = nil,
        url: String? = nil
    ) {
        self.sid = sid
        self.accountSID = accountSID
        self.serviceSID = serviceSID
        self.entitySID = entitySID
        self.identity = identity
        self.friendlyName = friendlyName
        self.status = status
        self.factorType = factorType
        self.binding = binding
        self.config = config
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
        self.url = url
    }
}
