public import ServiceSupport

/// What a handler knows about the call it serves.
public struct RPCServerContext: Sendable {
    /// The method being called.
    public var method: RPCMethod
    /// The metadata the client sent.
    public var metadata: RPCMetadata
    /// When the call must be finished, or `nil` for no deadline.
    public var deadline: ContinuousClock.Instant?
    /// Who called, such as `127.0.0.1:53422` or `in-process`.
    public var peer: String
    /// A logger that carries the call's method and ID.
    public var logger: Logger
    /// Who called, as the dispatcher's ``RPCAccessControl`` established it; `nil` when the
    /// dispatcher has none.
    public var caller: RPCCaller?

    /// Creates a context.
    public init(
        method: RPCMethod,
        metadata: RPCMetadata,
        deadline: ContinuousClock.Instant?,
        peer: String,
        logger: Logger,
        caller: RPCCaller? = nil
    ) {
        self.method = method
        self.metadata = metadata
        self.deadline = deadline
        self.peer = peer
        self.logger = logger
        self.caller = caller
    }

    /// The time left before the deadline, or `nil` when there is none.
    public var timeRemaining: Duration? {
        deadline.map { $0 - .now }
    }
}
