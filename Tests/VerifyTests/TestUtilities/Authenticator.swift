import GatewayCrypto
import Testing

/// The authenticator app of a test: it loads a factor's Base32 secret and settings and shows
/// the RFC 6238 code for any time.
struct Authenticator {
    let generator: OneTimePassword

    /// Loads `secret` with the factor's settings.
    init(secret: String, algorithm: String = "sha1", digits: Int = 6, timeStep: Int = 30) throws {
        let bytes = try #require(Base32.decode(secret), "the secret \(secret) is not Base32")
        let hash: HMAC.Algorithm =
            switch algorithm {
            case "sha256": .sha256
            case "sha512": .sha512
            default: .sha1
            }
        generator = OneTimePassword(secret: bytes, algorithm: hash, digits: digits, timeStep: timeStep)
    }

    /// The code shown at `time`, in seconds since 1970.
    func code(at time: Double) -> String {
        generator.code(at: time)
    }

    /// A code of the same length that is not valid at `time` within a skew of 2 steps.
    func wrongCode(at time: Double) -> String {
        let valid = Set((-2...2).map { generator.code(at: time + Double($0 * generator.timeStep)) })
        var candidate = 0
        while true {
            let text = String(candidate)
            let code = String(repeating: "0", count: max(0, generator.digits - text.count)) + text
            if !valid.contains(code) {
                return code
            }
            candidate += 1
        }
    }
}
