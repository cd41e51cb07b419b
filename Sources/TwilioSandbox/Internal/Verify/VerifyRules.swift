/// The limits and lifetimes of Twilio Verify that the sandbox enforces (twilio-api.md §4.6, §4.8).
enum VerifyRules {
    /// How long a verification's code works, in seconds: 10 minutes.
    static let codeLifetime = 600.0
    /// How many codes a verification accepts being checked against; the next check is 60202.
    static let maximumChecks = 5
    /// How many codes may go to one recipient of one service within ``sendWindow`` before the
    /// recipient completes a verification; the next start is 60203.
    static let maximumSends = 5
    /// The window of ``maximumSends``, in seconds: 10 minutes.
    static let sendWindow = 600.0
    /// The channels the sandbox delivers on.
    static let channels = ["sms", "call", "email", "whatsapp"]

    /// How long a TOTP challenge stays pending, in seconds: Twilio's default of 5 minutes.
    static let challengeLifetime = 300.0
    /// Wrong codes a factor's verification or a challenge accepts; the next is 60310 or 60308.
    static let maximumTotpAttempts = 5
    /// The TOTP settings Twilio uses when a factor names none.
    static let defaultTimeStep = 30
    static let defaultSkew = 1
    static let defaultTotpCodeLength = 6
    static let totpAlgorithms = ["sha1", "sha256", "sha512"]
    /// Bytes of a secret the sandbox generates: 160 bits, 32 Base32 characters.
    static let secretLength = 20
}
