/// A URL split just enough to produce the two forms a Twilio signature may have been made
/// over: without an explicit port, and with the scheme's default port (443 for `https`, 80
/// otherwise) added when none is given.
struct SignedURL {
    private let text: String
    private let scheme: Substring
    /// `scheme://` and the authority, such as `https://user@example.test:8443`.
    private let authority: Substring
    /// Everything after the authority: path, query and fragment.
    private let rest: Substring

    init(_ text: String) {
        self.text = text
        guard let schemeEnd = Self.schemeSeparator(in: text) else {
            scheme = ""
            authority = ""
            rest = Substring(text)
            return
        }
        scheme = text[..<schemeEnd]
        let hostStart = text.index(schemeEnd, offsetBy: 3)
        let afterScheme = text[hostStart...]
        let end = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        authority = text[..<end]
        rest = text[end...]
    }

    /// The URL without its port, then with a port; the same text twice when both are equal.
    var variants: [String] {
        guard !authority.isEmpty else {
            return [text]
        }
        if let colon = portSeparator {
            let withoutPort = String(authority[..<colon]) + rest
            return [withoutPort, text]
        }
        let port = scheme.lowercased() == "https" ? ":443" : ":80"
        let withPort = String(authority) + port + rest
        return [text, withPort]
    }

    /// The first value of the query parameter called `name`, taken as it is written.
    func queryValue(named name: String) -> String? {
        guard let question = rest.firstIndex(of: "?") else {
            return nil
        }
        let query = rest[rest.index(after: question)...].prefix { $0 != "#" }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts[0] == name {
                return parts.count > 1 ? String(parts[1]) : ""
            }
        }
        return nil
    }

    /// The `:` before a non-empty numeric port, looking past any userinfo and IPv6 brackets.
    private var portSeparator: Substring.Index? {
        let host = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        guard let colon = host.lastIndex(of: ":"), !host[colon...].contains("]") else {
            return nil
        }
        let digits = host[host.index(after: colon)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        return colon
    }

    /// The index of the `://` that ends the scheme, or `nil` when there is none.
    private static func schemeSeparator(in text: String) -> String.Index? {
        var index = text.startIndex
        while index < text.endIndex, text[index] != "/", text[index] != "?", text[index] != "#" {
            if text[index] == ":", text[text.index(after: index)...].hasPrefix("//") {
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }
}
