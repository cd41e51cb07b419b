#if canImport(Glibc)
    internal import Glibc
#endif

extension HostAndPort {
    /// The address with a host a server can listen on without looking a name up: an IPv4 or
    /// IPv6 literal, or `localhost`, which becomes `127.0.0.1`.
    ///
    /// - Parameter option: The flag or variable the address came from, for the error.
    /// - Throws: `CommandArguments.ParseError`, a usage error, for any other host.
    func listenable(option: String) throws -> HostAndPort {
        if host == "localhost" {
            return HostAndPort(host: "127.0.0.1", port: port)
        }
        var v4 = in_addr()
        var v6 = in6_addr()
        guard inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1 else {
            throw CommandArguments.ParseError(
                description: "\(option) needs an IP address to listen on, such as 127.0.0.1, ::1 or 0.0.0.0 "
                    + "(or localhost), not '\(host)'; names are not looked up"
            )
        }
        return self
    }
}
