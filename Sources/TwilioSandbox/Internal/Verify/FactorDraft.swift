internal import GatewayCrypto
internal import HTTPServer

/// A `POST /v2/Services/{ServiceSid}/Entities/{Identity}/Factors` request that passed every check.
///
/// ``init(form:identity:)`` answers 60200 naming the first parameter that is wrong: `Identity`
/// (8 to 64 letters, digits and dashes), `FriendlyName` (1 to 64 characters), `FactorType`
/// (only `totp` is simulated), `Binding.Secret` (Base32), `Config.TimeStep` (20 to 60),
/// `Config.Skew` (0 to 2), `Config.CodeLength` (3 to 8), `Config.Alg` (`sha1`, `sha256`,
/// `sha512`).
struct FactorDraft: Sendable {
    var friendlyName: String
    /// The given secret, decoded, or `nil` to generate one.
    var secret: (text: String, bytes: [UInt8])?
    var timeStep: Int
    var skew: Int
    var codeLength: Int
    var algorithm: String

    init(form: HTTPForm, identity: String) throws(TwilioError) {
        guard Self.isIdentity(identity) else {
            throw .invalidParameter("Identity", "Identity must be 8 to 64 letters, digits and dashes")
        }
        let friendlyName = form["FriendlyName"] ?? ""
        guard (1...64).contains(friendlyName.count) else {
            throw .invalidParameter("FriendlyName", "FriendlyName must have 1 to 64 characters")
        }
        guard form["FactorType"] == "totp" else {
            throw .invalidParameter("FactorType", "the sandbox simulates FactorType totp only")
        }
        if let text = form["Binding.Secret"] {
            guard let bytes = Base32.decode(text), !bytes.isEmpty else {
                throw .invalidParameter("Binding.Secret", "Binding.Secret must be Base32 text")
            }
            secret = (text, bytes)
        }
        self.friendlyName = friendlyName
        timeStep = try Self.integer(form, "Config.TimeStep", in: 20...60, default: VerifyRules.defaultTimeStep)
        skew = try Self.integer(form, "Config.Skew", in: 0...2, default: VerifyRules.defaultSkew)
        codeLength = try Self.integer(form, "Config.CodeLength", in: 3...8, default: VerifyRules.defaultTotpCodeLength)
        algorithm = form["Config.Alg"] ?? "sha1"
        guard VerifyRules.totpAlgorithms.contains(algorithm) else {
            throw .invalidParameter("Config.Alg", "Config.Alg must be one of sha1, sha256, sha512")
        }
    }

    /// Whether `text` is 8 to 64 ASCII letters, digits and dashes.
    static func isIdentity(_ text: String) -> Bool {
        (8...64).contains(text.utf8.count)
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// Whether `text` can be a TOTP code: 3 to 8 ASCII digits.
    static func isTotpCode(_ text: String) -> Bool {
        (3...8).contains(text.utf8.count) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func integer(_ form: HTTPForm, _ name: String, in range: ClosedRange<Int>, default value: Int)
        throws(TwilioError) -> Int
    {
        guard let text = form[name] else {
            return value
        }
        guard let number = Int(text), range.contains(number) else {
            throw .invalidParameter(
                name,
                "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return number
    }
}
