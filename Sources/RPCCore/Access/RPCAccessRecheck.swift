/// How often ``RPCDispatcher`` checks the caller of a running server stream again, so that a
/// stream whose key is revoked (or loses the method's scope) ends with the refusal instead of
/// delivering more responses.
public struct RPCAccessRecheck: Hashable, Sendable {
    /// Before a response is written, the caller is checked again when the last check is at least
    /// this old; a stream that writes often costs one check per this interval, not one per
    /// response.
    public var beforeWrite: Duration
    /// A stream that writes nothing is checked again this often, so an idle stream of a revoked
    /// key ends too.
    public var idle: Duration

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - beforeWrite: The age of the last check after which a write checks again; one second
    ///     unless set.
    ///   - idle: How often a stream is checked while it writes nothing; five seconds unless set.
    public init(beforeWrite: Duration = .seconds(1), idle: Duration = .seconds(5)) {
        self.beforeWrite = beforeWrite
        self.idle = idle
    }
}
