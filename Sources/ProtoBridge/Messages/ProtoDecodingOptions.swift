/// Limits that decoding enforces before it reads any field.
public struct ProtoDecodingOptions: Hashable, Sendable {
    /// The longest encoded message accepted, in bytes; 4 MiB unless set.
    public var maxMessageSize: Int

    /// Creates options.
    ///
    /// - Parameter maxMessageSize: The longest encoded message accepted, in bytes.
    public init(maxMessageSize: Int = 4 * 1024 * 1024) {
        self.maxMessageSize = maxMessageSize
    }
}
