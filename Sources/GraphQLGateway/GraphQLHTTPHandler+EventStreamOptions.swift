extension GraphQLHTTPHandler {
    /// How ``GraphQLHTTPHandler`` serves GraphQL over Server-Sent Events.
    public struct EventStreamOptions: Sendable {
        /// The most event streams open at once; a request for one more is answered 503.
        public let maxConcurrentStreams: Int
        /// The most event streams one client address may have open at once, so that one client
        /// cannot take every place ``maxConcurrentStreams`` allows; a request for one more is
        /// answered 429. Clients behind one proxy share its address.
        public let maxStreamsPerAddress: Int
        /// How often a stream sends a keep-alive comment (`:` and a blank line), so that
        /// proxies do not close it while no result comes.
        public let keepAliveInterval: Duration
        /// How many bytes of results may wait for a slow client before the stream stops
        /// reading from its source.
        public let bufferBytes: Int

        /// Creates options.
        ///
        /// - Parameters:
        ///   - maxConcurrentStreams: The most streams open at once (default 100; at least 1).
        ///   - maxStreamsPerAddress: The most streams one client address may have open at once
        ///     (default 16; at least 1). A value above `maxConcurrentStreams` leaves only that one.
        ///   - keepAliveInterval: How often a keep-alive comment goes out (default 15 seconds;
        ///     more than zero).
        ///   - bufferBytes: How many bytes may wait for a slow client (default 64 KiB; at least 1).
        public init(
            maxConcurrentStreams: Int = 100,
            maxStreamsPerAddress: Int = 16,
            keepAliveInterval: Duration = .seconds(15),
            bufferBytes: Int = 64 << 10
        ) {
            precondition(maxConcurrentStreams > 0, "maxConcurrentStreams must be at least 1")
            precondition(maxStreamsPerAddress > 0, "maxStreamsPerAddress must be at least 1")
            precondition(keepAliveInterval > .zero, "keepAliveInterval must be more than zero")
            precondition(bufferBytes > 0, "bufferBytes must be at least 1")
            self.maxConcurrentStreams = maxConcurrentStreams
            self.maxStreamsPerAddress = maxStreamsPerAddress
            self.keepAliveInterval = keepAliveInterval
            self.bufferBytes = bufferBytes
        }
    }
}
