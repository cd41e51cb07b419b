/// One opted-out number in one scope, as ``OptOuts`` holds it.
public struct OptOutRecord: Hashable, Sendable {
    /// The opted-out number (the person's).
    public var number: String
    /// Whose messages it refuses.
    public var scope: OptOutScope
    /// What opted it out first.
    public var reason: OptOutReason
    /// When, in seconds since 1970.
    public var optedOutAt: Double

    /// Creates a record.
    public init(number: String, scope: OptOutScope, reason: OptOutReason, optedOutAt: Double) {
        self.number = number
        self.scope = scope
        self.reason = reason
        self.optedOutAt = optedOutAt
    }
}
