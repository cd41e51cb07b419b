public import SecureTransport

extension RPCServer {
    /// The limits and timeouts of a server; the defaults suit production.
    public struct Configuration: Sendable {
        /// The largest frame payload accepted, in bytes, announced in SETTINGS. At least
        /// 16,384; default 4 MiB.
        public var maxFrameSize: Int
        /// How many calls one connection may run at once, announced in SETTINGS; a call
        /// beyond it ends at once with `RESOURCE_EXHAUSTED`. Default 4,096.
        public var maxConcurrentCallsPerConnection: Int
        /// How many connections one remote IP address may hold open; further ones get a
        /// GOAWAY with `RESOURCE_EXHAUSTED` and are closed. Default 256.
        public var maxConnectionsPerAddress: Int
        /// How long a new connection has to finish its TLS handshake (with ``tls``) and send its
        /// preface. Default 10 seconds.
        public var handshakeTimeout: Duration
        /// How long a connection may go without an open call or a frame before the server
        /// says GOAWAY `idle` and closes it. Default 5 minutes.
        public var idleTimeout: Duration
        /// How long calls in flight may run after ``RPCServer/beginGracefulShutdown()``
        /// before they are cancelled with `UNAVAILABLE`. Default 30 seconds.
        public var shutdownGracePeriod: Duration
        /// Above this many unwritten bytes on a connection, streaming handlers' writes wait
        /// and the server stops reading from it. Default 1 MiB.
        public var outboundHighWatermark: Int
        /// Waiting writes go on once a connection's unwritten bytes fall below this.
        /// Default 256 KiB.
        public var outboundLowWatermark: Int
        /// Above this many bytes of requests held by a connection's running calls, the server
        /// stops reading from it until calls finish. Default 64 MiB.
        public var maxBufferedRequestBytes: Int
        /// The certificate and key to run TLS with on every connection, or `nil` for plain TCP.
        /// A client that does not complete a TLS 1.2 or newer handshake is logged
        /// (`rpc.tls.handshake_failed`) and dropped.
        public var tls: TLSServerContext?

        /// Creates a configuration.
        public init(
            maxFrameSize: Int = 4_194_304,
            maxConcurrentCallsPerConnection: Int = 4096,
            maxConnectionsPerAddress: Int = 256,
            handshakeTimeout: Duration = .seconds(10),
            idleTimeout: Duration = .seconds(300),
            shutdownGracePeriod: Duration = .seconds(30),
            outboundHighWatermark: Int = 1_048_576,
            outboundLowWatermark: Int = 262_144,
            maxBufferedRequestBytes: Int = 67_108_864,
            tls: TLSServerContext? = nil
        ) {
            self.maxFrameSize = maxFrameSize
            self.maxConcurrentCallsPerConnection = maxConcurrentCallsPerConnection
            self.maxConnectionsPerAddress = maxConnectionsPerAddress
            self.handshakeTimeout = handshakeTimeout
            self.idleTimeout = idleTimeout
            self.shutdownGracePeriod = shutdownGracePeriod
            self.outboundHighWatermark = outboundHighWatermark
            self.outboundLowWatermark = outboundLowWatermark
            self.maxBufferedRequestBytes = maxBufferedRequestBytes
            self.tls = tls
        }

        /// Checks that the numbers make sense together.
        ///
        /// - Throws: ``TransportError`` with ``TransportError/Code/invalidState`` naming the
        ///   setting to fix.
        func validate() throws(TransportError) {
            func fail(_ message: String) -> TransportError {
                TransportError(code: .invalidState, message: "invalid RPCServer.Configuration: " + message)
            }
            guard (Int(SettingsPayload.minimumMaxFrameSize)...Int(UInt32.max)).contains(maxFrameSize) else {
                throw fail("maxFrameSize must be between 16384 and 4294967295, not \(maxFrameSize)")
            }
            guard maxConcurrentCallsPerConnection >= 1, maxConnectionsPerAddress >= 1 else {
                throw fail("maxConcurrentCallsPerConnection and maxConnectionsPerAddress must be at least 1")
            }
            guard outboundLowWatermark >= 1, outboundLowWatermark <= outboundHighWatermark else {
                throw fail("outboundLowWatermark must be at least 1 and at most outboundHighWatermark")
            }
            guard handshakeTimeout > .zero, idleTimeout > .zero, shutdownGracePeriod >= .zero else {
                throw fail("handshakeTimeout and idleTimeout must be positive, shutdownGracePeriod not negative")
            }
        }
    }
}
