import GatewayCrypto
import Testing

@Suite("One-time passwords")
struct OneTimePasswordTests {
    /// RFC 4226, appendix D: HOTP of the ASCII secret "12345678901234567890", counters 0 to 9.
    static let hotpVectors: [(UInt64, String)] = [
        (0, "755224"), (1, "287082"), (2, "359152"), (3, "969429"), (4, "338314"),
        (5, "254676"), (6, "287922"), (7, "162583"), (8, "399871"), (9, "520489"),
    ]

    @Test("RFC 4226 appendix D", arguments: hotpVectors)
    func hotp(counter: UInt64, expected: String) {
        let generator = OneTimePassword(secret: Array("12345678901234567890".utf8))
        #expect(generator.code(counter: counter) == expected)
    }

    /// RFC 6238, appendix B: 8-digit TOTP, 30-second steps, with the seed for each hash.
    static let totpVectors: [(Double, HMAC.Algorithm, String)] = [
        (59, .sha1, "94287082"), (59, .sha256, "46119246"), (59, .sha512, "90693936"),
        (1_111_111_109, .sha1, "07081804"), (1_111_111_109, .sha256, "68084774"),
        (1_111_111_109, .sha512, "25091201"),
        (1_111_111_111, .sha1, "14050471"), (1_111_111_111, .sha256, "67062674"),
        (1_111_111_111, .sha512, "99943326"),
        (1_234_567_890, .sha1, "89005924"), (1_234_567_890, .sha256, "91819424"),
        (1_234_567_890, .sha512, "93441116"),
        (2_000_000_000, .sha1, "69279037"), (2_000_000_000, .sha256, "90698825"),
        (2_000_000_000, .sha512, "38618901"),
        (20_000_000_000, .sha1, "65353130"), (20_000_000_000, .sha256, "77737706"),
        (20_000_000_000, .sha512, "47863826"),
    ]

    static func rfc6238Seed(_ algorithm: HMAC.Algorithm) -> [UInt8] {
        let length =
            switch algorithm {
            case .sha1: 20
            case .sha256: 32
            case .sha512: 64
            }
        return Array(String(repeating: "1234567890", count: 7).utf8.prefix(length))
    }

    @Test("RFC 6238 appendix B", arguments: totpVectors)
    func totp(time: Double, algorithm: HMAC.Algorithm, expected: String) {
        let generator = OneTimePassword(secret: Self.rfc6238Seed(algorithm), algorithm: algorithm, digits: 8)
        #expect(generator.code(at: time) == expected)
    }

    @Test("the counter counts whole steps since 1970")
    func counter() {
        let generator = OneTimePassword(secret: [1], timeStep: 30)
        #expect(generator.counter(at: 0) == 0)
        #expect(generator.counter(at: 29.999) == 0)
        #expect(generator.counter(at: 30) == 1)
        #expect(generator.counter(at: 1_111_111_109) == 0x23523EC)
        #expect(generator.counter(at: -5) == 0)
        #expect(generator.counter(at: .nan) == 0)
        #expect(generator.counter(at: .infinity) == .max)
    }

    @Test("codes keep their leading zeros and their length")
    func leadingZeros() {
        let generator = OneTimePassword(secret: Self.rfc6238Seed(.sha1), digits: 8)
        #expect(generator.code(at: 1_111_111_109) == "07081804")
        let short = OneTimePassword(secret: Self.rfc6238Seed(.sha1), digits: 3)
        #expect(short.code(counter: 0) == "224")
    }

    @Test("accepts the current step and the skewed ones around it, nothing beyond")
    func skew() {
        let generator = OneTimePassword(secret: Self.rfc6238Seed(.sha1))
        let time = 1_234_567_890.0
        for offset in [-1.0, 0, 1] {
            #expect(generator.accepts(generator.code(at: time + offset * 30), at: time, skew: 1))
        }
        #expect(!generator.accepts(generator.code(at: time + 60), at: time, skew: 1))
        #expect(!generator.accepts(generator.code(at: time - 60), at: time, skew: 1))
        #expect(generator.accepts(generator.code(at: time - 60), at: time, skew: 2))
        #expect(!generator.accepts(generator.code(at: time + 30), at: time, skew: 0))
        #expect(!generator.accepts("", at: time, skew: 1))
        #expect(!generator.accepts(generator.code(at: time) + "0", at: time, skew: 1))
    }

    @Test("skew near the epoch does not wrap around")
    func skewAtEpoch() {
        let generator = OneTimePassword(secret: Self.rfc6238Seed(.sha1))
        #expect(generator.accepts(generator.code(counter: 0), at: 10, skew: 2))
        #expect(!generator.accepts(generator.code(counter: .max), at: 10, skew: 2))
    }
}
