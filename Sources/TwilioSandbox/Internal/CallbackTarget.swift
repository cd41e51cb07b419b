/// Where a webhook goes: the parts of an `http://` or `https://` URL that a request needs.
struct CallbackTarget: Sendable, Equatable {
    /// Whether the URL is `https://`: the request then goes inside TLS, and the server must
    /// prove it is ``host``.
    var usesTLS: Bool
    /// The host as written, without brackets for an IPv6 literal.
    var host: String
    /// The TCP port, 80 (`http`) or 443 (`https`) when the URL gives none.
    var port: Int
    /// The path and query to request, `/` when the URL has no path.
    var pathAndQuery: String
    /// The `Host` header: the host and, when the URL gives one, the port.
    var hostHeader: String
    /// The URL without its fragment, which is what Twilio signs.
    var signedURL: String

    /// Parses `url`, or returns `nil` when it is not `http[s]://host[:port][/path][?query]`.
    init?(_ url: String) {
        let withoutFragment = String(url.prefix { $0 != "#" })
        let lowercased = withoutFragment.lowercased()
        guard let scheme = ["http://", "https://"].first(where: { lowercased.hasPrefix($0) }) else {
            return nil
        }
        let rest = withoutFragment.dropFirst(scheme.count)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var path = String(rest[authorityEnd...])
        if path.isEmpty || path.hasPrefix("?") {
            path = "/" + path
        }
        guard !authority.isEmpty, !authority.contains("@"), let (host, port) = Self.split(authority) else {
            return nil
        }
        self.usesTLS = scheme == "https://"
        self.host = host
        self.port = port ?? (usesTLS ? 443 : 80)
        self.pathAndQuery = path
        self.hostHeader = String(authority)
        self.signedURL = withoutFragment
    }

    private static func split(_ authority: Substring) -> (String, Int?)? {
        var host = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                return nil
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else {
                    return nil
                }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty else {
            return nil
        }
        guard let portText else {
            return (String(host), nil)
        }
        guard let port = Int(portText), (1...65535).contains(port) else {
            return nil
        }
        return (String(host), port)
    }
}
