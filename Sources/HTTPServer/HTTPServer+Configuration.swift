public import SecureTransport

extension HTTPServer {
    /// Where an ``HTTPServer`` listens and the limits it enforces on every connection.
    public struct Configuration: Sendable {
        /// The IP address to listen on: `127.0.0.1`, `::1`, `0.0.0.0`, `::` or any other IPv4 or
        /// IPv6 literal. Host names are not resolved.
        public var host: String
        /// The TCP port; 0 lets the system choose one, read it back from ``HTTPServer/boundPort``.
        public var port: Int
        /// The largest request body accepted, in bytes. A request announcing a larger
        /// `Content-Length` is answered 413 before its body is read; a chunked body that grows
        /// past it is discarded as it arrives and answered 413 at its end.
        public var maxBodyBytes: Int
        /// libmicrohttpd's per-connection memory pool in bytes (`MHD_OPTION_CONNECTION_MEMORY_LIMIT`).
        ///
        /// It holds the request line and headers plus the connection's read and write buffers,
        /// so the largest header block that fits is somewhat smaller. A request whose head does
        /// not fit is answered by libmicrohttpd itself (431) and the connection is closed.
        public var maxHeaderBytes: Int
        /// The most connections open at once; further clients are refused at accept.
        public var connectionLimit: Int
        /// The most connections open at once from one IP address, or `nil` for no limit. Further
        /// ones are closed right after accept, each logged as `http.connection.refused` with the
        /// address.
        public var perIPConnectionLimit: Int?
        /// How long a connection may stay silent (mid-request or idle between keep-alive
        /// requests) before it is closed. libmicrohttpd counts whole seconds, so this is
        /// rounded up. Time a request spends in its handler does not count.
        public var connectionTimeout: Duration
        /// How long a new connection may stay silent before its first request's head (request
        /// line and headers) is complete, or `nil` to allow ``connectionTimeout``.
        ///
        /// Shorter than ``connectionTimeout``, it frees the places of clients that open
        /// connections and send half a request. libmicrohttpd only times out silence, so it
        /// bounds each pause, not the whole head; ``perIPConnectionLimit`` bounds how many such
        /// connections one address holds. Once the head is complete, and for later requests on
        /// a kept-alive connection, ``connectionTimeout`` applies. Rounded up to whole seconds.
        public var headerTimeout: Duration?
        /// The longest a connection may take to deliver one request, head and body together,
        /// or `nil` for no such bound. Default 60 seconds.
        ///
        /// ``connectionTimeout`` and ``headerTimeout`` only bound each silence, so a client that
        /// trickles a byte every few seconds would otherwise hold its connection forever. The
        /// clock starts when the connection opens and again when its previous request completes
        /// (so time idle between kept-alive requests counts too), and stops while the request is
        /// in its handler or being answered. A connection over it is dropped without an answer
        /// and logged as `http.connection.receive_timeout`. Checked about four times per period,
        /// at least once a second, so a drop may come up to a second late.
        public var requestReceiveTimeout: Duration?
        /// The number of libmicrohttpd threads polling sockets; handlers run on Swift tasks.
        public var threadPoolSize: Int
        /// How long ``HTTPServer/stop()`` waits for requests in progress before answering the
        /// remaining ones 503 and closing every connection.
        public var shutdownGracePeriod: Duration
        /// The certificate and key to serve HTTPS with, or `nil` for plain HTTP.
        ///
        /// TLS (1.2 or newer, through OpenSSL) is terminated in front of libmicrohttpd; a
        /// connection is handed to it once its handshake is done. The handshake must finish
        /// within ``headerTimeout`` (or ``connectionTimeout``), and the connection limits
        /// count connections still in their handshake too.
        public var tls: TLSServerContext?

        /// Creates a configuration; every value has a default suited to a loopback service.
        ///
        /// - Parameters:
        ///   - host: The IP address to listen on.
        ///   - port: The TCP port, or 0 for any.
        ///   - maxBodyBytes: The largest request body accepted (default 1 MiB).
        ///   - maxHeaderBytes: The per-connection memory pool (default 32 KiB).
        ///   - connectionLimit: The most connections open at once.
        ///   - perIPConnectionLimit: The most connections from one address, or `nil`.
        ///   - connectionTimeout: The longest silence allowed on a connection.
        ///   - headerTimeout: The longest silence before a new connection's first request head
        ///     is complete, or `nil` for `connectionTimeout`.
        ///   - requestReceiveTimeout: The longest delivery of one request, or `nil` for no bound.
        ///   - threadPoolSize: The number of polling threads.
        ///   - shutdownGracePeriod: How long `stop()` waits for requests in progress.
        ///   - tls: The certificate and key for HTTPS, or `nil` for plain HTTP.
        public init(
            host: String = "127.0.0.1",
            port: Int = 0,
            maxBodyBytes: Int = 1 << 20,
            maxHeaderBytes: Int = 32 << 10,
            connectionLimit: Int = 1024,
            perIPConnectionLimit: Int? = nil,
            connectionTimeout: Duration = .seconds(30),
            headerTimeout: Duration? = nil,
            requestReceiveTimeout: Duration? = .seconds(60),
            threadPoolSize: Int = 2,
            shutdownGracePeriod: Duration = .seconds(5),
            tls: TLSServerContext? = nil
        ) {
            self.host = host
            self.port = port
            self.maxBodyBytes = maxBodyBytes
            self.maxHeaderBytes = maxHeaderBytes
            self.connectionLimit = connectionLimit
            self.perIPConnectionLimit = perIPConnectionLimit
            self.connectionTimeout = connectionTimeout
            self.headerTimeout = headerTimeout
            self.requestReceiveTimeout = requestReceiveTimeout
            self.threadPoolSize = threadPoolSize
            self.shutdownGracePeriod = shutdownGracePeriod
            self.tls = tls
        }

        /// Throws when a value is out of range.
        func validate() throws(HTTPServerError) {
            try Self.require((0...65535).contains(port), "port \(port) must be 0...65535 (0 picks any free port)")
            try Self.require(maxBodyBytes >= 0, "maxBodyBytes \(maxBodyBytes) must not be negative")
            try Self.require(
                (4096...(1 << 24)).contains(maxHeaderBytes),
                "maxHeaderBytes \(maxHeaderBytes) must be 4096...16777216; libmicrohttpd needs room for its buffers"
            )
            try Self.require(
                (1...Int(Int32.max)).contains(connectionLimit),
                "connectionLimit \(connectionLimit) must be at least 1"
            )
            if let perIP = perIPConnectionLimit {
                try Self.require(
                    (1...Int(Int32.max)).contains(perIP),
                    "perIPConnectionLimit \(perIP) must be at least 1, or nil for no limit"
                )
            }
            try Self.require(
                connectionTimeout > .zero && connectionTimeout <= .seconds(86_400),
                "connectionTimeout \(connectionTimeout) must be more than zero and at most one day"
            )
            if let headerTimeout {
                try Self.require(
                    headerTimeout > .zero && headerTimeout <= connectionTimeout,
                    "headerTimeout \(headerTimeout) must be more than zero and at most connectionTimeout, or nil"
                )
            }
            if let requestReceiveTimeout {
                try Self.require(
                    requestReceiveTimeout > .zero && requestReceiveTimeout <= .seconds(86_400),
                    "requestReceiveTimeout \(requestReceiveTimeout) must be more than zero and at most one day, or nil"
                )
            }
            try Self.require((1...64).contains(threadPoolSize), "threadPoolSize \(threadPoolSize) must be 1...64")
            try Self.require(shutdownGracePeriod >= .zero, "shutdownGracePeriod must not be negative")
        }

        /// The connection timeout in whole seconds, rounded up.
        var connectionTimeoutSeconds: UInt32 {
            Self.wholeSeconds(connectionTimeout)
        }

        /// The header timeout in whole seconds, rounded up, or `nil` when there is none shorter
        /// than the connection timeout.
        var headerTimeoutSeconds: UInt32? {
            headerTimeout.map(Self.wholeSeconds).flatMap { $0 < connectionTimeoutSeconds ? $0 : nil }
        }

        /// `duration` (validated to lie within a day) in whole seconds, rounded up.
        private static func wholeSeconds(_ duration: Duration) -> UInt32 {
            let (seconds, attoseconds) = duration.components
            return UInt32(seconds + (attoseconds > 0 ? 1 : 0))
        }

        private static func require(_ condition: Bool, _ message: String) throws(HTTPServerError) {
            guard condition else {
                throw HTTPServerError(
                    code: .invalidConfiguration,
                    message: "Invalid HTTPServer configuration: " + message
                )
            }
        }
    }
}
