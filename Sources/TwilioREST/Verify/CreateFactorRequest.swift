/// The parameters of `POST /v2/Services/{ServiceSid}/Entities/{Identity}/Factors` for a TOTP
/// factor (`FactorType=totp`). `nil` settings are left out, so Twilio's defaults apply: 30-second
/// steps, a skew of 1, 6 digits, SHA-1 and a secret Twilio generates.
public struct CreateFactorRequest: Hashable, Sendable {
    /// The factor's name, up to 64 characters; the account name in the `otpauth://` URI.
    public var friendlyName: String
    /// A Base32 secret to use instead of one Twilio generates (`Binding.Secret`).
    public var bindingSecret: String?
    /// Seconds per code, 20 to 60 (`Config.TimeStep`).
    public var timeStep: Int?
    /// Steps accepted on either side of now, 0 to 2 (`Config.Skew`).
    public var skew: Int?
    /// Digits per code, 3 to 8 (`Config.CodeLength`).
    public var codeLength: Int?
    /// `sha1`, `sha256` or `sha512` (`Config.Alg`).
    public var algorithm: String?

    /// Creates the parameters of a TOTP factor.
    ///
    /// - Parameters:
    ///   - friendlyName: The factor's name.
    ///   - bindingSecret: The secret, if not Twilio's.
    ///   - timeStep: Seconds per code, if not 30.
    ///   - skew: Steps accepted on either side, if not 1.
    ///   - codeLength: Digits per code, if not 6.
    ///   - algorithm: The hash, if not `sha1`.
    public init(
        friendlyName: String,
        bindingSecret: String? = nil,
        timeStep: Int? = nil,
        skew: Int? = nil,
        codeLength: Int? = nil,
        algorithm: String? = nil
    ) {
        self.friendlyName = friendlyName
        self.bindingSecret = bindingSecret
        self.timeStep = timeStep
        self.skew = skew
        self.codeLength = codeLength
        self.algorithm = algorithm
    }

    /// The form fields, in the order twilio-python writes them.
    var formFields: [FormField] {
        var fields = [FormField("FriendlyName", friendlyName), FormField("FactorType", "totp")]
        if let bindingSecret {
            fields.append(FormField("Binding.Secret", bindingSecret))
        }
        if let timeStep {
            fields.append(FormField("Config.TimeStep", String(timeStep)))
        }
        if let skew {
            fields.append(FormField("Config.Skew", String(skew)))
        }
        if let codeLength {
            fields.append(FormField("Config.CodeLength", String(codeLength)))
        }
        if let algorithm {
            fields.append(FormField("Config.Alg", algorithm))
        }
        return fields
    }
}
