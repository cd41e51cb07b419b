/// The answer to ``IdempotencyKeys/claim(_:scope:fingerprint:)``.
public enum IdempotencyClaim: Hashable, Sendable {
    /// The key was free (or had expired) and now belongs to the caller, which must finish with
    /// ``IdempotencyKeys/complete(_:scope:outcome:)`` or ``IdempotencyKeys/release(_:scope:)``.
    case claimed
    /// An earlier call used the key within its lifetime; its record says what it asked and how it
    /// ended.
    case existing(IdempotencyRecord)
}
