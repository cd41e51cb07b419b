internal import GatewayAPI
internal import GatewayClient
internal import GatewayServices
internal import GraphQLGateway
internal import RPCCore
internal import ServiceSupport
internal import WireFraming

/// The transport of a GraphQL-only gateway: calls spread over the configured RPC servers.
enum UpstreamTransport {
    static func make(_ upstreams: [HostAndPort], logger: Logger) -> any RPCClientTransport {
        let connections: [any RPCClientTransport] = upstreams.map { address in
            RPCClientConnection(host: address.host, port: Int(address.port), logger: logger.labeled("gateway.upstream"))
        }
        return RoundRobinTransport(connections)
    }

    /// A readiness probe of a GraphQL-only gateway: the Health service's `Check` of the gateway
    /// as a whole, through `transport` (so each probe reaches the next upstream in turn).
    static func readinessCheck(_ transport: any RPCClientTransport, timeout: Duration)
        -> @Sendable () async -> ReadinessCheck
    {
        {
            let client = GatewayClient(transport: transport, defaultOptions: RPCCallOptions(timeout: timeout))
            do {
                let health = try await client.checkHealth()
                return health.status == .serving
                    ? .ready("an upstream answered SERVING")
                    : .notReady("an upstream answered \(health.status)")
            } catch {
                return .notReady("an upstream could not be asked: \(error)")
            }
        }
    }
}
