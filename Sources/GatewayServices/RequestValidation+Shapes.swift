internal import GatewayAPI

/// The shapes of the values that go to Twilio: phone numbers and other addresses, and the URLs
/// Twilio will call. They are checked before Twilio is asked, so that nothing malformed leaves
/// the gateway; whether a well-formed number exists or may be used stays Twilio's to judge.
extension RequestValidation {
    /// How the messages of these checks show a phone number.
    static let numberExample = "+15005550006"

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
        guard !isE164(value), !hasNonEmptyRest(value, after: "client:") else {
            return []
        }
        return [violation(field, value, "a number of the account in E.164 such as \(numberExample), or client:NAME")]
    }

    /// A violation unless `value` is an email address: text, `@`, and a domain with a dot,
    /// without spaces.
    static func emailViolations(_ field: String, _ value: String) -> [FieldViolation] {
        guard !isEmailAddress(value) else {
            return []
        }
        return [violation(field, value, "an email address such as ana@example.com, for the email channel")]
    }

    /// A violation unless `value` is empty (not given) or a URL Twilio can call: `http` or
    /// `https`, a host, and no control characters.
    ///
    /// - Parameters:
    ///   - field: The field's name, for the violation.
    ///   - value: The URL as given.
    ///   - example: A URL of the kind this field takes, for the violation's message.
    static func callbackURLViolations(
        _ field: String,
        _ value: String,
        example: String = "https://example.com/twilio/status"
    ) -> [FieldViolation] {
        guard !value.isEmpty, let problem = httpURLProblem(value) else {
            return []
        }
        return [
            FieldViolation(field: field, description: "must be an http or https URL \(problem), such as \(example)")
        ]
    }

    /// Whether `value` is a URL Twilio can call (see ``httpURLProblem(_:)``).
    static func isHTTPURL(_ value: String) -> Bool {
        httpURLProblem(value) == nil
    }

    /// The longest host name DNS carries, in bytes, and the longest label in it.
    private static let longestHost = 253
    private static let longestLabel = 63

    /// What keeps `value` from being a URL Twilio can call, worded to follow "must be an http or
    /// https URL", or `nil` when it is one: `http://` or `https://` (either case), a host of at most
    /// 253 bytes with labels of at most 63, without spaces or user information, an optional port
    /// from 1 to 65535, then nothing or a path, query or fragment, all without control characters.
    /// (A space in a path is left to the form encoding, as Twilio's own libraries do.)
    static func httpURLProblem(_ value: String) -> String? {
        let lowered = value.lowercased()
        let rest: Substring
        if lowered.hasPrefix("https://") {
            rest = value.dropFirst(8)
        } else if lowered.hasPrefix("http://") {
            rest = value.dropFirst(7)
        } else {
            return "with a host"
        }
        guard value.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F }) else {
            return "without control characters"
        }
        let authority = rest.prefix { !["/", "?", "#"].contains($0) }
        guard !authority.contains("@") else {
            return "without user information (user:password@)"
        }
        guard !authority.contains(" ") else {
            return "with a host and no spaces in it"
        }
        let host: Substring
        let afterHost: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                return "with a host"
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            afterHost = authority[authority.index(after: close)...]
        } else {
            host = authority.prefix { $0 != ":" }
            afterHost = authority[host.endIndex...]
        }
        guard !host.isEmpty, isPortSuffix(afterHost) else {
            return "with a host"
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard host.utf8.count <= longestHost, labels.allSatisfy({ $0.utf8.count <= longestLabel }) else {
            return "whose host has at most \(longestHost) bytes and at most \(longestLabel) between dots"
        }
        return nil
    }

    /// Whether `suffix` is nothing or `:` and a TCP port, 1 to 65535.
    private static func isPortSuffix(_ suffix: Substring) -> Bool {
        guard !suffix.isEmpty else {
            return true
        }
        let digits = suffix.dropFirst()
        guard suffix.first == ":", (1...5).contains(digits.count), digits.utf8.allSatisfy(isDigit),
            let port = Int(digits)
        else {
            return false
        }
        return (1...65_535).contains(port)
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

    /// Whether `value` is `prefix` and at least one more character, none of them a space or a
    /// control character.
    private static func hasNonEmptyRest(_ value: String, after prefix: String) -> Bool {
        guard value.hasPrefix(prefix) else {
            return false
        }
        let rest = value.utf8.dropFirst(prefix.utf8.count)
        return !rest.isEmpty && rest.allSatisfy { $0 > 0x20 && $0 != 0x7F }
    }

    private static func violation(_ field: String, _ value: String, _ shape: String) -> FieldViolation {
        FieldViolation(field: field, description: value.isEmpty ? "\(field) is required: \(shape)" : "must be \(shape)")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
