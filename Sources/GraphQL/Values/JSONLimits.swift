/// Limits on JSON input, so that a hostile request body cannot exhaust memory or the stack.
public struct JSONLimits: Sendable, Hashable {
    /// The largest accepted input, in bytes.
    public var maxBytes: Int
    /// The deepest accepted nesting of arrays and objects.
    public var maxDepth: Int

    /// Creates limits.
    ///
    /// - Parameters:
    ///   - maxBytes: The largest accepted input, in bytes (default 1 MiB).
    ///   - maxDepth: The deepest accepted nesting of arrays and objects (default 64).
    public init(maxBytes: Int = 1 << 20, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }
}
