public import RPCCore
public import ServiceSupport

/// What one GraphQL request passes to the RPCs its fields call, given to
/// ``GraphQL/GraphQLEndpoint`` as the request's `context`.
///
/// A context of any other type (such as the endpoint's default `()`) means: the
/// configuration's default timeout, no metadata, and no logging.
public struct GatewayRequestContext: Sendable {
    /// How long each RPC of the request may take, or `nil` for the configuration's default.
    public var timeout: Duration?
    /// Metadata sent with every RPC, such as `authorization` copied from the HTTP request.
    public var metadata: RPCMetadata
    /// Receives the request's debug lines (`graphql.rpc.failed`); it never sees argument values.
    public var logger: Logger
    /// The HTTP client's address, passed with every RPC as ``RPCCore/RPCCallOptions/httpPeer``
    /// so the dispatcher's lines about the call (such as a re-check's `auth.refused`) name it.
    public var httpPeer: String?

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - timeout: How long each RPC may take, or `nil` for the configuration's default.
    ///   - metadata: Metadata sent with every RPC.
    ///   - logger: Receives the request's debug lines.
    ///   - httpPeer: The HTTP client's address, or `nil` when the request came from no client.
    public init(
        timeout: Duration? = nil,
        metadata: RPCMetadata = RPCMetadata(),
        logger: Logger = .disabled,
        httpPeer: String? = nil
    ) {
        self.timeout = timeout
        self.metadata = metadata
        self.logger = logger
        self.httpPeer = httpPeer
    }
}
