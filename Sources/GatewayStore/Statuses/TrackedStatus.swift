/// What ``LatestStatuses`` holds for one sid.
public struct TrackedStatus: Hashable, Sendable {
    /// The message or call sid.
    public var sid: String
    /// The latest status along the lifecycle.
    public var status: String
    /// Whether ``status`` is final (see ``StatusLifecycle/isFinal(_:)``).
    public var isFinal: Bool
    /// When the sid was first recorded, in seconds since 1970.
    public var firstSeenAt: Double
    /// When the status last moved, in seconds since 1970.
    public var updatedAt: Double
    /// When the reconciler fetched the resource from Twilio, or `nil` when it has not.
    public var reconciledAt: Double?

    /// Creates a record.
    public init(
        sid: String,
        status: String,
        isFinal: Bool,
        firstSeenAt: Double,
        updatedAt: Double,
        reconciledAt: Double?
    ) {
        self.sid = sid
        self.status = status
        self.isFinal = isFinal
        self.firstSeenAt = firstSeenAt
        self.updatedAt = updatedAt
        self.reconciledAt = reconciledAt
    }
}
