/// What the store holds for one idempotency key.
public struct IdempotencyRecord: Hashable, Sendable {
    /// What the first call asked for, in the service's own canonical form; a later call with the
    /// same key and another fingerprint is not a retry.
    public var fingerprint: String
    /// When the key was first used, in seconds since 1970.
    public var createdAt: Double
    /// How the first call ended, or `nil` while it runs (or when the gateway stopped during it).
    public var outcome: IdempotencyOutcome?

    /// Creates a record.
    public init(fingerprint: String, createdAt: Double, outcome: IdempotencyOutcome?) {
        self.fingerprint = fingerprint
        self.createdAt = createdAt
        self.outcome = outcome
    }
}
