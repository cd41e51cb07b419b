/// One-time passwords from a shared secret: HOTP (RFC 4226) and TOTP (RFC 6238), as
/// authenticator apps compute them.
///
/// ```swift
/// let secret = Base32.decode("JBSWY3DPEHPK3PXP")!
/// let generator = OneTimePassword(secret: secret)
/// let code = generator.code(at: Timestamp.now())   // "287082", say
/// ```
public struct OneTimePassword: Hashable, Sendable {
    /// The shared secret. Never log it.
    public var secret: [UInt8]
    /// The HMAC hash: SHA-1 by default, as most apps use; SHA-256 and SHA-512 as RFC 6238 allows.
    public var algorithm: HMAC.Algorithm
    /// Digits per code, 1 to 10.
    public var digits: Int
    /// Seconds per TOTP time step; the counter is the number of whole steps since 1970.
    public var timeStep: Int

    /// Creates a generator.
    ///
    /// - Parameters:
    ///   - secret: The shared secret.
    ///   - algorithm: The HMAC hash.
    ///   - digits: Digits per code; must be 1 to 10, since the truncated value has 31 bits.
    ///   - timeStep: Seconds per time step; must be positive.
    public init(secret: [UInt8], algorithm: HMAC.Algorithm = .sha1, digits: Int = 6, timeStep: Int = 30) {
        precondition((1...10).contains(digits), "a one-time password has 1 to 10 digits, not \(digits)")
        precondition(timeStep > 0, "the TOTP time step must be positive, not \(timeStep)")
        self.secret = secret
        self.algorithm = algorithm
        self.digits = digits
        self.timeStep = timeStep
    }

    /// The HOTP code for `counter` (RFC 4226, section 5.3): the dynamically truncated HMAC of
    /// the big-endian counter, reduced to ``digits`` decimal digits with leading zeros.
    public func code(counter: UInt64) -> String {
        let message = (0..<8).map { UInt8(truncatingIfNeeded: counter >> (56 - 8 * $0)) }
        let mac = HMAC.authenticationCode(algorithm, key: secret, message: message)

        let offset = Int(mac[mac.count - 1] & 0x0F)
        let truncated =
            UInt32(mac[offset] & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16 | UInt32(mac[offset + 2]) << 8
            | UInt32(mac[offset + 3])
        var modulus: UInt64 = 1
        for _ in 0..<digits {
            modulus *= 10
        }
        let value = String(UInt64(truncated) % modulus)

        return String(repeating: "0", count: digits - value.count) + value
    }

    /// The TOTP counter at `time`: whole time steps since 1970 (RFC 6238, section 4.2); 0 before
    /// 1970 (and for NaN).
    ///
    /// - Parameter time: Seconds since 1970.
    public func counter(at time: Double) -> UInt64 {
        let steps = (time / Double(timeStep)).rounded(.down)
        guard steps > 0 else {
            return 0
        }
        return steps < 0x1p64 ? UInt64(steps) : .max
    }

    /// The TOTP code at `time`.
    ///
    /// - Parameter time: Seconds since 1970.
    public func code(at time: Double) -> String {
        code(counter: counter(at: time))
    }

    /// Whether `candidate` is the code of the time step at `time` or of one of the `skew` steps
    /// before or after it. Each step's code is compared in constant time.
    ///
    /// - Parameters:
    ///   - candidate: The code the user entered.
    ///   - time: Seconds since 1970.
    ///   - skew: How many steps on either side to accept, for clocks that drift; must not be
    ///     negative.
    public func accepts(_ candidate: String, at time: Double, skew: Int) -> Bool {
        precondition(skew >= 0, "the TOTP skew must not be negative, not \(skew)")
        let now = counter(at: time)
        let lowest = now >= UInt64(skew) ? now - UInt64(skew) : 0
        let (sum, overflow) = now.addingReportingOverflow(UInt64(skew))
        let highest = overflow ? UInt64.max : sum
        let given = Array(candidate.utf8)

        var accepted = false
        for step in lowest...highest where HMAC.constantTimeEqual(Array(code(counter: step).utf8), given) {
            accepted = true
        }
        return accepted
    }
}
