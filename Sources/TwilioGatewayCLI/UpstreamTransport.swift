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
}
