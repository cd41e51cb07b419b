internal import GatewayAPI

/// The shapes of the values that go to Twilio: phone numbers and other addresses (the URLs
/// Twilio will call are in `RequestValidation+URLs.swift`). They are checked before Twilio is
/// asked, so that nothing malformed or oversized leaves the gateway; whether a well-formed number
/// exists or may be used stays Twilio's to judge.
extension RequestValidation {
    /// How the messages of these checks show a phone number.
    static let numberExample = "+15005550006"

    /// The most characters (Unicode scalars) allowed after each address prefix. Twilio quotes a
    /// refused address in its error, so an unbounded one would come back whole.
    ///
    /// - `client:`: 256, the longest client name Twilio's Voice error 31105 allows.
    /// - `sip:`: 1,024, the gateway's own bound: room for a user part of 255 characters, a host
    ///   of 253 and parameters.
    /// - `messenger:` and `rcs:`: 128, the gateway's own bound: page-scoped Messenger IDs are
    ///   about 16 digits and RCS sender IDs or numbers a few dozen characters.
    static let addressLengthLimits: [String: Int] = ["client:": 256, "sip:": 1024, "messenger:": 128, "rcs:": 128]

    /// The longest email address, in characters: the 254 that SMTP's path limit leaves.
    static let longestEmailAddress = 254

    /// Whether `text` is an E.164 number: `+`, a nonzero digit, and 1 to 14 more digits.
    static func isE164(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "+"), (8...16).contains(bytes.count), bytes[1] != UInt8(ascii: "0") else {
            return false
        }
        return bytes.dropFirst().allSatisfy(isDigit)
    }

    /// A violation unless `value` is an E.164 number; an empty value is reported as missing.
    static func phoneNumberViolations(_ field: String, _ value: String) -> [FieldViolation] {
        guard !isE164(value) else {
            return []
        }
        return [violation(field, value, "an E.164 number: + and 7 to 15 digits, such as \(numberExample)")]
    }

    /// A violation unless `value` is where a message can go: an E.164 number, `whatsapp:` and
    /// one, or a `messenger:` or `rcs:` address.
    static func messageRecipientViolations(_ field: String, _ value: String) -> [FieldViolation] {
        if let violation = addressViolation(field, value, prefixes: ["messenger:", "rcs:"]) {
            return [violation]
        }
        guard !isChannelAddress(value), !isE164(value) else {
            return []
        }
        return [
            violation(
                field,
                value,
                "an E.164 number such as \(numberExample), or a channel address such as whatsapp:\(numberExample)"
            )
        ]
    }

    /// A violation unless `value` can send a message: an E.164 number, a short code (3 to 8
    /// digits), an alphanumeric sender ID (1 to 11 letters, digits and spaces, at least one
    /// letter), or a channel address.
    static func messageSenderViolations(_ field: String, _ value: String) -> [FieldViolation] {
        if let violation = addressViolation(field, value, prefixes: ["messenger:", "rcs:"]) {
            return [violation]
        }
        let bytes = Array(value.utf8)
        let isShortCode = (3...8).contains(bytes.count) && bytes.allSatisfy(isDigit)
        let isSenderID =
            (1...11).contains(bytes.count) && bytes.contains(where: isLetter)
            && bytes.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: " ") }
        guard !isShortCode, !isSenderID, !isChannelAddress(value), !isE164(value) else {
            return []
        }
        return [
            violation(
                field,
                value,
                "an E.164 number such as \(numberExample), a short code, an alphanumeric sender ID "
                    + "(up to 11 letters, digits and spaces) or a channel address such as whatsapp:\(numberExample)"
            )
        ]
    }

    /// A violation unless `value` is a party a call can reach: an E.164 number, `client:` and a
    /// name, a `sip:` URI, or `sim:` and a SIM SID (`DE` and 32 hex digits).
    static func callRecipientViolations(_ field: String, _ value: String) -> [FieldViolation] {
        if let violation = addressViolation(field, value, prefixes: ["client:", "sip:"]) {
            return [violation]
        }
        if isE164(value) || hasNonEmptyRest(value, after: "client:") || hasNonEmptyRest(value, after: "sip:") {
            return []
        }
        if value.hasPrefix("sim:"), TwilioSID.isValid(String(value.dropFirst(4)), prefix: "DE") {
            return []
        }
        return [
            violation(
                field,
                value,
                "an E.164 number such as \(numberExample), client:NAME, a sip: URI, or sim: and a DE SIM SID"
            )
        ]
    }

    /// A violation unless `value` is a caller ID: an E.164 number or `client:` and a name.
    static func callerIDViolations(_ field: String, _ value: String) -> [FieldViolation] {
        if let violation = addressViolation(field, value, prefixes: ["client:"]) {
            return [violation]
        }
        guard !isE164(value), !hasNonEmptyRest(value, after: "client:") else {
            return []
        }
        return [violation(field, value, "a number of the account in E.164 such as \(numberExample), or client:NAME")]
    }

    /// A violation unless `value` is an email address: text, `@`, and a domain with a dot,
    /// at most ``longestEmailAddress`` characters in all, without spaces, control characters or
    /// invisible format characters (see ``isHiddenCharacter(_:)``).
    static func emailViolations(_ field: String, _ value: String) -> [FieldViolation] {
        let length = value.unicodeScalars.count
        guard length <= longestEmailAddress else {
            return [
                FieldViolation(
                    field: field,
                    description: "must be an email address of at most \(longestEmailAddress) characters "
                        + "(this one has \(length))"
                )
            ]
        }
        if value.unicodeScalars.contains(where: isHiddenCharacter) {
            return [
                FieldViolation(
                    field: field,
                    description: "must be an email address without \(hiddenCharacters)"
                )
            ]
        }
        guard !isEmailAddress(value) else {
            return []
        }
        return [violation(field, value, "an email address such as ana@example.com, for the email channel")]
    }

    private static func isChannelAddress(_ value: String) -> Bool {
        if value.hasPrefix("whatsapp:") {
            return isE164(String(value.dropFirst(9)))
        }
        return ["messenger:", "rcs:"].contains { prefix in
            value.hasPrefix(prefix) && isChannelIdentifier(value.utf8.dropFirst(prefix.utf8.count))
        }
    }

    /// Whether `identifier` is a channel user's or agent's ID: letters, digits and `_.@+-`, so
    /// that it can be nothing else inside a form field or a log line.
    private static func isChannelIdentifier(_ identifier: Substring.UTF8View) -> Bool {
        !identifier.isEmpty
            && identifier.allSatisfy { byte in
                isLetter(byte) || isDigit(byte) || "_.@+-".utf8.contains(byte)
            }
    }

    private static func isEmailAddress(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, value.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else {
            return false
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// Whether `value` is `prefix` and at least one more character, none of them a hidden one
    /// (see ``isHiddenCharacter(_:)``).
    private static func hasNonEmptyRest(_ value: String, after prefix: String) -> Bool {
        guard value.hasPrefix(prefix) else {
            return false
        }
        let rest = value.unicodeScalars.dropFirst(prefix.unicodeScalars.count)
        return !rest.isEmpty && !rest.contains(where: isHiddenCharacter)
    }

    /// What ``isHiddenCharacter(_:)`` refuses, for the messages.
    static let hiddenCharacters =
        "spaces, line breaks, control characters or invisible format characters (such as U+200B or U+202E)"

    /// Whether `scalar` may appear in no address: a control character (Unicode category Cc), a
    /// format character (Cf, such as U+200B ZERO WIDTH SPACE or U+202E RIGHT-TO-LEFT OVERRIDE) or
    /// a separator (Zs, Zl, Zp: spaces, line and paragraph separators). They are invisible or
    /// change how the text around them is shown, so an address holding one would read as another
    /// in logs, consoles and Twilio's own pages.
    static func isHiddenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            true
        default:
            false
        }
    }

    /// A violation when `value` starts with one of `prefixes` and has a hidden character after
    /// it (see ``isHiddenCharacter(_:)``), or more characters than ``addressLengthLimits``
    /// allows; the message gives the limit and the length, or the kinds of character refused,
    /// never the value.
    private static func addressViolation(_ field: String, _ value: String, prefixes: [String]) -> FieldViolation? {
        for prefix in prefixes where value.hasPrefix(prefix) {
            guard let limit = addressLengthLimits[prefix] else {
                continue
            }
            let rest = value.unicodeScalars.dropFirst(prefix.unicodeScalars.count)
            if rest.count > limit {
                return FieldViolation(
                    field: field,
                    description: "must have at most \(limit) characters after \(prefix) (this one has \(rest.count))"
                )
            }
            if rest.contains(where: isHiddenCharacter) {
                return FieldViolation(field: field, description: "must have no \(hiddenCharacters) after \(prefix)")
            }
            return nil
        }
        return nil
    }

    private static func violation(_ field: String, _ value: String, _ shape: String) -> FieldViolation {
        FieldViolation(field: field, description: value.isEmpty ? "\(field) is required: \(shape)" : "must be \(shape)")
    }

    /// Whether `byte` is an ASCII digit.
    static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }

    /// Whether `byte` is an ASCII letter.
    static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
