public import SecureTransport

extension RPCClientConnection {
    /// The limits and timeouts of a client connection.
    public struct Configuration: Sendable {
        /// The largest frame payload accepted from the server, in bytes, announced in the
        /// client's SETTINGS. At least 16,384; default 4 MiB.
        public var maxFrameSize: Int
        /// How long connecting and the handshake may take before calls fail with
        /// `UNAVAILABLE`. Default 10 seconds.
        public var connectTimeout: Duration
        /// Above this many bytes of streamed responses not yet consumed, the client stops
        /// reading from the connection until consumers catch up. Default 16 MiB.
        public var maxBufferedResponseBytes: Int
        /// What to trust when connecting with TLS, or `nil` for plain TCP. The server's
        /// certificate is always verified, against the host connected to unless the context
        /// names another server; a connection whose certificate does not verify fails its calls
        /// with `FAILED_PRECONDITION` (not retryable) and the reason, and one whose handshake
        /// fails otherwise with `UNAVAILABLE`.
        public var tls: TLSClientContext?

        /// Creates a configuration.
        public init(
            maxFrameSize: Int = 4_194_304,
            connectTimeout: Duration = .seconds(10),
            maxBufferedResponseBytes: Int = 16_777_216,
            tls: TLSClientContext? = nil
        ) {
            self.maxFrameSize = max(Int(SettingsPayload.minimumMaxFrameSize), min(maxFrameSize, Int(UInt32.max)))
            self.connectTimeout = connectTimeout
            self.maxBufferedResponseBytes = maxBufferedResponseBytes
            self.tls = tls
        }
    }
}
