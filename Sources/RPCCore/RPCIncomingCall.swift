/// A call as a server transport received it, before it is dispatched.
public struct RPCIncomingCall: Sendable {
    /// The method path, such as `/twilio.gateway.v1.Messaging/SendSms`.
    public var path: String
    /// The metadata the client sent.
    public var metadata: RPCMetadata
    /// The time the client allowed, counted from when the call arrived; `nil` for none.
    public var timeout: Duration?
    /// The encoded request message.
    public var request: [UInt8]
    /// Who called, such as `127.0.0.1:53422`.
    public var peer: String
    /// The HTTP client an in-process call is made for (see ``RPCCallOptions/httpPeer``), which
    /// the dispatcher logs as `http.peer`; `nil` for a call that came over the network.
    public var httpPeer: String?

    /// Creates a call.
    public init(
        path: String,
        metadata: RPCMetadata,
        timeout: Duration?,
        request: [UInt8],
        peer: String,
        httpPeer: String? = nil
    ) {
        self.path = path
        self.metadata = metadata
        self.timeout = timeout
        self.request = request
        self.peer = peer
        self.httpPeer = httpPeer
    }
}
