extension SQLiteEventLog {
    /// The settings of a ``SQLiteEventLog``.
    public struct Configuration: Hashable, Sendable {
        /// Which events are kept; ``EventRetention/standard`` by default.
        public var retention: EventRetention
        /// How often the writer enforces ``retention`` by itself; a minute by default.
        public var retentionInterval: Duration
        /// The most writes (appends and acknowledgements) waiting for the writer; one more
        /// fails at once with ``EventLogError/Code/overloaded``. 10,000 by default.
        public var maxPendingAppends: Int
        /// The most writes one transaction commits; 1 turns group commit off (one transaction,
        /// one fsync, per event), which only a benchmark wants. 1,000 by default.
        public var maxBatchSize: Int
        /// The most events one read returns; 1,000 by default.
        public var maxReadLimit: Int
        /// How many read connections stay open between reads; 4 by default.
        public var idleReaders: Int

        /// Creates settings; every argument has the default described on its property.
        public init(
            retention: EventRetention = .standard,
            retentionInterval: Duration = .seconds(60),
            maxPendingAppends: Int = 10_000,
            maxBatchSize: Int = 1_000,
            maxReadLimit: Int = 1_000,
            idleReaders: Int = 4
        ) {
            self.retention = retention
            self.retentionInterval = retentionInterval
            self.maxPendingAppends = max(1, maxPendingAppends)
            self.maxBatchSize = max(1, maxBatchSize)
            self.maxReadLimit = max(1, maxReadLimit)
            self.idleReaders = max(0, idleReaders)
        }
    }
}
