/// The answer to ``LatestStatuses/record(_:for:)``: whether the status moved, and from what.
public struct StatusChange: Hashable, Sendable {
    /// The status before the update, or `nil` when the sid was not tracked.
    public var previous: String?
    /// The status after the update (unchanged unless ``moved``), or `nil` when the sid is still
    /// not tracked (its first status was one the lifecycle does not know).
    public var current: String?
    /// `true` when the reported status replaced the previous one.
    public var moved: Bool

    /// Creates a change.
    public init(previous: String?, current: String?, moved: Bool) {
        self.previous = previous
        self.current = current
        self.moved = moved
    }
}
