/// Limits the parser enforces, so that a hostile document is rejected early and cheaply.
///
/// The parser recurses once per nesting level, so ``maxDepth`` also bounds its stack use; keep it
/// in the hundreds at most.
public struct ParseLimits: Sendable, Hashable {
    /// The largest accepted document, in UTF-8 bytes.
    public var maxBytes: Int
    /// The most tokens a document may have; comments and whitespace do not count.
    public var maxTokens: Int
    /// The deepest nesting of selection sets, list and object values, and list types, counted together.
    public var maxDepth: Int
    /// The most field selections a document may have, aliased or not.
    public var maxFields: Int
    /// The most aliased field selections a document may have.
    public var maxAliases: Int

    /// Creates limits.
    ///
    /// - Parameters:
    ///   - maxBytes: The largest accepted document, in bytes (default 256 KiB).
    ///   - maxTokens: The most tokens (default 20,000).
    ///   - maxDepth: The deepest nesting (default 64).
    ///   - maxFields: The most field selections (default 5,000).
    ///   - maxAliases: The most aliased field selections (default 500).
    public init(
        maxBytes: Int = 256 * 1024,
        maxTokens: Int = 20_000,
        maxDepth: Int = 64,
        maxFields: Int = 5_000,
        maxAliases: Int = 500
    ) {
        self.maxBytes = maxBytes
        self.maxTokens = maxTokens
        self.maxDepth = maxDepth
        self.maxFields = maxFields
        self.maxAliases = maxAliases
    }
}
