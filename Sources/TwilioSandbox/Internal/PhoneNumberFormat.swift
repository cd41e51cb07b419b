/// The shapes of sender and recipient addresses the Messages API accepts.
enum PhoneNumberFormat {
    /// Channel prefixes that may stand before an E.164 number, such as `whatsapp:+1…`.
    private static let channels = ["whatsapp:", "messenger:", "rcs:"]

    /// Whether `text` is `+` and 2 to 15 digits, not starting with 0 (E.164).
    static func isE164(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3, bytes.count <= 16, bytes[0] == UInt8(ascii: "+"), bytes[1] != UInt8(ascii: "0") else {
            return false
        }
        return bytes.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
    }

    /// The number behind a channel address (`whatsapp:+1…` → `+1…`), or `text` itself.
    static func address(of text: String) -> String {
        for channel in channels where text.hasPrefix(channel) {
            return String(text.dropFirst(channel.count))
        }
        return text
    }

    /// Whether `text` can receive a message: an E.164 number, bare or behind a channel prefix.
    static func isValidRecipient(_ text: String) -> Bool {
        isE164(address(of: text))
    }

    /// Whether `text` can send a message: a valid recipient, a short code (3 to 8 digits) or an
    /// alphanumeric sender ID (1 to 11 letters, digits and spaces, with at least one letter).
    static func isValidSender(_ text: String) -> Bool {
        if isValidRecipient(text) {
            return true
        }
        let bytes = Array(text.utf8)
        if (3...8).contains(bytes.count), bytes.allSatisfy({ (0x30...0x39).contains($0) }) {
            return true
        }
        let allowed = bytes.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x20
        }
        let hasLetter = bytes.contains { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        return (1...11).contains(bytes.count) && allowed && hasLetter
    }
}
