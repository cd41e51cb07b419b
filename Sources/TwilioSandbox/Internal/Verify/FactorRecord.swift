internal import GatewayCrypto

/// A TOTP factor the sandbox holds, with its secret and failed verification attempts.
struct FactorRecord: Sendable {
    var sid: String
    var accountSID: String
    var serviceSID: String
    var entitySID: String
    var identity: String
    var friendlyName: String
    /// `unverified` until a first code is accepted, then `verified`.
    var isVerified = false
    /// The Base32 secret as given or generated. Never logged.
    var secret: String
    var secretBytes: [UInt8]
    var timeStep: Int
    var skew: Int
    var codeLength: Int
    /// `sha1`, `sha256` or `sha512`.
    var algorithm: String
    var failedAttempts = 0
    var dateCreated: Double
    var dateUpdated: Double

    /// The generator an authenticator app loaded with this factor uses.
    var generator: OneTimePassword {
        let hash: HMAC.Algorithm =
            switch algorithm {
            case "sha256": .sha256
            case "sha512": .sha512
            default: .sha1
            }
        return OneTimePassword(secret: secretBytes, algorithm: hash, digits: codeLength, timeStep: timeStep)
    }

    /// Whether `code` is the factor's code at `now`, within its skew. A code may be used again
    /// while it is valid: the sandbox does not track used codes, and whether Twilio refuses a
    /// replayed TOTP code is not in the reference.
    func accepts(_ code: String, now: Double) -> Bool {
        generator.accepts(code, at: now, skew: skew)
    }

    /// The `otpauth://totp/{issuer}:{name}?…` URI of Google's key URI format, with the issuer
    /// and account name percent-encoded.
    func uri(issuer: String) -> String {
        let label = Self.percentEncoded(issuer) + ":" + Self.percentEncoded(friendlyName)
        let parameters = [
            "secret=\(secret)", "issuer=\(Self.percentEncoded(issuer))", "algorithm=\(algorithm.uppercased())",
            "digits=\(codeLength)", "period=\(timeStep)",
        ]
        return "otpauth://totp/\(label)?" + parameters.joined(separator: "&")
    }

    /// The Factor resource; `binding` (the secret) only in the answer to create, as Twilio does.
    func json(bindingIssuer issuer: String?) -> JSONValue {
        var members: [String: JSONValue] = [
            "account_sid": .string(accountSID),
            "config": .object([
                "alg": .string(algorithm),
                "code_length": .integer(codeLength),
                "skew": .integer(skew),
                "time_step": .integer(timeStep),
            ]),
            "date_created": .string(ISO8601Date.format(dateCreated)),
            "date_updated": .string(ISO8601Date.format(dateUpdated)),
            "entity_sid": .string(entitySID),
            "factor_type": "totp",
            "friendly_name": .string(friendlyName),
            "identity": .string(identity),
            "metadata": .null,
            "service_sid": .string(serviceSID),
            "sid": .string(sid),
            "status": .string(isVerified ? "verified" : "unverified"),
            "url": .string("https://verify.twilio.com/v2/Services/\(serviceSID)/Entities/\(identity)/Factors/\(sid)"),
        ]
        if let issuer {
            members["binding"] = .object(["secret": .string(secret), "uri": .string(uri(issuer: issuer))])
            members["options"] = .null
        }
        return .object(members)
    }

    private static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return output
    }
}
