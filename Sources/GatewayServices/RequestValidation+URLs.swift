internal import GatewayAPI
internal import Glibc

/// The URLs Twilio will call or fetch (status callbacks, media, TwiML): checked before Twilio
/// is asked, so that no malformed or oversized URL leaves the gateway.
extension RequestValidation {
    /// The longest URL accepted, in bytes. Twilio states no limit that the gateway could cite;
    /// 4,096 bytes holds any callback, media or TwiML URL with a long query and keeps a request
    /// (and Twilio's error, which may quote the URL) small.
    static let longestURL = 4096

    /// The longest host name DNS carries, in bytes, and the longest label in it.
    static let longestHost = 253
    static let longestLabel = 63

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

    /// What keeps `value` from being a URL Twilio can call, worded to follow "must be an http or
    /// https URL", or `nil` when it is one: at most ``longestURL`` bytes, `http://` or `https://`
    /// (either case), a host (see ``hostProblem(_:)``) without user information, an optional port
    /// from 1 to 65535, then nothing or a path, query or fragment. Every byte is printable ASCII
    /// other than a space (0x21 to 0x7E), as RFC 3986 requires: a space, a control character or
    /// any character outside ASCII (an invisible U+200B, a U+202E that turns text around) must
    /// come percent-encoded, so that the URL Twilio fetches is the URL a person reads.
    static func httpURLProblem(_ value: String) -> String? {
        guard value.utf8.count <= longestURL else {
            return "of at most \(longestURL) bytes (this one has \(value.utf8.count))"
        }
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
            host = authority[authority.startIndex...close]
            afterHost = authority[authority.index(after: close)...]
        } else {
            host = authority.prefix { $0 != ":" }
            afterHost = authority[host.endIndex...]
        }
        guard !host.isEmpty, isPortSuffix(afterHost) else {
            return "with a host"
        }
        if let problem = hostProblem(host) {
            return problem
        }
        // The host and port are ASCII by now, so what is left is in the path, query or fragment.
        guard value.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            return "whose path, query and fragment are ASCII without spaces: percent-encode any other character "
                + "(a space as %20, é as %C3%A9)"
        }
        return nil
    }

    /// What keeps `host` from being a host Twilio can reach, or `nil` when it is one: an IPv6
    /// address in brackets, an IPv4 address in dotted decimal, or a DNS name of letters, digits
    /// and hyphens in labels of 1 to 63 bytes joined by dots (253 bytes at most, one trailing
    /// dot allowed), no label starting or ending with a hyphen. A name in another script is
    /// given in its IDNA form (`xn--…`), which is such a name too. A host that ends in a label of
    /// digits is read as an IPv4 address, as browsers do.
    static func hostProblem(_ host: Substring) -> String? {
        let shape =
            "whose host is a DNS name (letters, digits, hyphens and dots; xn-- punycode for other scripts), "
            + "an IPv4 address or an IPv6 address in brackets"
        if host.hasPrefix("[") {
            return isAddress(host.dropFirst().dropLast(), family: AF_INET6) ? nil : shape
        }
        let name = host.hasSuffix(".") ? host.dropLast() : host
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard let last = labels.last, !last.isEmpty else {
            return shape
        }
        if last.utf8.allSatisfy(isDigit) {
            return isAddress(name, family: AF_INET) ? nil : "whose IPv4 address has four numbers from 0 to 255"
        }
        guard labels.allSatisfy(isHostLabel) else {
            return shape
        }
        guard host.utf8.count <= longestHost, labels.allSatisfy({ $0.utf8.count <= longestLabel }) else {
            return "whose host has at most \(longestHost) bytes and at most \(longestLabel) between dots"
        }
        return nil
    }

    /// Whether `label` is letters, digits and hyphens, not empty, without a hyphen at either end.
    private static func isHostLabel(_ label: Substring) -> Bool {
        let bytes = label.utf8
        guard let first = bytes.first, let last = bytes.last else {
            return false
        }
        return first != UInt8(ascii: "-") && last != UInt8(ascii: "-")
            && bytes.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// Whether `text` is an address of `family` (`AF_INET` or `AF_INET6`) as `inet_pton` reads
    /// it: dotted decimal without leading zeros, or IPv6 text without a zone.
    private static func isAddress(_ text: Substring, family: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        return inet_pton(family, String(text), &buffer) == 1
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
}
