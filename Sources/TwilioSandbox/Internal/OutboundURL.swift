/// The parts of an absolute `http` or `https` URL the sandbox checks before it uses one.
struct OutboundURL {
    /// `http` or `https`, lowercased.
    let scheme: String
    /// The host, lowercased, without IPv6 brackets, such as `127.0.0.1` or `::1`.
    let host: String

    /// Parses `text`, or returns `nil` unless it is an absolute `http` or `https` URL with a host.
    init?(_ text: String) {
        let parts = text.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return nil
        }
        let scheme = parts[0].lowercased()
        guard scheme == "http" || scheme == "https" else {
            return nil
        }
        let authority = parts[1].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@").last ?? authority[...]
        let host: Substring
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else {
                return nil
            }
            host = hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close]
        } else {
            host = hostAndPort.prefix { $0 != ":" }
        }
        guard !host.isEmpty, !host.contains(" ") else {
            return nil
        }
        self.scheme = scheme
        self.host = host.lowercased()
    }
}
