/// What a client sends with a call besides the request.
public struct RPCCallOptions: Sendable {
    /// How long the call may take, measured from when it starts; `nil` for no deadline.
    public var timeout: Duration?
    /// Metadata sent to the server.
    public var metadata: RPCMetadata
    /// The address of the HTTP client a call is made for, such as the client of the GraphQL
    /// request whose field calls it. ``InProcessTransport`` hands it to the dispatcher, whose log
    /// lines about the call then carry it as `http.peer`; it is never sent over the network.
    public var httpPeer: String?

    /// Creates options.
    public init(timeout: Duration? = nil, metadata: RPCMetadata = RPCMetadata(), httpPeer: String? = nil) {
        self.timeout = timeout
        self.metadata = metadata
        self.httpPeer = httpPeer
    }
}
