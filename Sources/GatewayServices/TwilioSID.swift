/// Twilio SIDs: a two-letter prefix and 32 hex digits.
enum TwilioSID {
    /// Whether `text` is `prefix` followed by exactly 32 hex digits (either case).
    static func isValid(_ text: String, prefix: String) -> Bool {
        guard text.hasPrefix(prefix) else {
            return false
        }
        let rest = text.utf8.dropFirst(prefix.utf8.count)
        return rest.count == 32
            && rest.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
            }
    }
}
