internal import ServiceSupport
internal import Synchronization

/// Holds each client address to a number of open connections, refusing the rest right after
/// accept with one log line naming the limit and the address.
///
/// It replaces libmicrohttpd's own per-address limit, which refuses without telling anyone who
/// was refused. A place is taken by ``admit(_:)`` (libmicrohttpd's accept policy) and given back
/// by ``release(_:)`` (its close notice). Shortcoming: should libmicrohttpd fail to set up a
/// connection it admitted (out of memory), no close notice comes and that place stays taken.
final class AddressLimiter: Sendable {
    private let limit: Int
    private let logger: Logger
    private let counts = Mutex<[String: Int]>([:])

    init(limit: Int, logger: Logger) {
        self.limit = limit
        self.logger = logger
    }

    /// Takes a place for a connection from `host`.
    ///
    /// - Returns: `false`, after logging `http.connection.refused`, when `host` holds the limit.
    func admit(_ host: String) -> Bool {
        let admitted = counts.withLock { counts in
            let count = counts[host, default: 0]
            guard count < limit else {
                return false
            }
            counts[host] = count + 1
            return true
        }
        if !admitted {
            logger.notice(
                "http.connection.refused",
                ["http.limit": "per_ip_connection_limit", "http.limit.count": String(limit), "http.peer": host]
            )
        }
        return admitted
    }

    /// Gives back the place of a connection from `host` that closed.
    func release(_ host: String) {
        counts.withLock { counts in
            let remaining = counts[host, default: 1] - 1
            counts[host] = remaining > 0 ? remaining : nil
        }
    }
}
