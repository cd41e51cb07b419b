/// Twilio SIDs: a two-letter prefix and 32 hex digits.
enum SIDFormat {
    /// A new SID with `prefix` and 32 lowercase hex digits drawn from `random`.
    static func make(prefix: String, using random: inout some RandomNumberGenerator) -> String {
        prefix + hexDigits(32, using: &random)
    }

    /// `count` lowercase hex digits drawn from `random`.
    static func hexDigits(_ count: Int, using random: inout some RandomNumberGenerator) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<count).map { _ in digits[Int(random.next() & 0x0F)] })
    }

    /// Whether `text` is `prefix` followed by exactly 32 hex digits (either case).
    static func isValid(_ text: String, prefix: String) -> Bool {
        guard text.hasPrefix(prefix) else {
            return false
        }
        let rest = text.utf8.dropFirst(prefix.utf8.count)
        return rest.count == 32 && rest.allSatisfy(\.isASCIIHexDigit)
    }
}

extension UInt8 {
    fileprivate var isASCIIHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
