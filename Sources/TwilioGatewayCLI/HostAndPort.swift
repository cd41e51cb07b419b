/// A listening or connecting address written as `host:port` or `[v6-host]:port`.
struct HostAndPort: CustomStringConvertible, Equatable {
    var host: String
    var port: UInt16

    private typealias ParseError = CommandArguments.ParseError

    /// Parses `text`, naming `setting` (a flag or environment variable) in errors.
    ///
    /// - Throws: `CommandArguments.ParseError`, a usage error, when `text` is not `host:port`.
    init(_ text: String, setting: String) throws {
        let hostPart: Substring
        let portPart: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            hostPart = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else {
                throw ParseError(description: "\(setting): expected [host]:port, got '\(text)'")
            }
            portPart = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
        } else {
            throw ParseError(description: "\(setting): expected host:port, got '\(text)'")
        }
        guard !hostPart.isEmpty, let port = UInt16(portPart) else {
            throw ParseError(description: "\(setting): expected host:port with a port from 0 to 65535, got '\(text)'")
        }
        self.host = String(hostPart)
        self.port = port
    }

    init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
