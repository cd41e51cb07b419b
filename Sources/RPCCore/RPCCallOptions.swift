/// What a client sends with a call besides the request.
public struct RPCCallOptions: Sendable {
    /// How long the call may take, measured from when it starts; `nil` for no deadline.
    public var timeout: Duration?
    /// Metadata sent to the server.
    public var metadata: RPCMetadata

    /// Creates options.
    public init(timeout: Duration? = nil, metadata: RPCMetadata = RPCMetadata()) {
        self.timeout = timeout
        self.metadata = metadata
    }
}
