public import RPCCore
internal import ServiceSupport
internal import WireFraming

extension GatewayClient {
    /// A client for the gateway listening at `host:port`, over one multiplexed TCP connection
    /// made on the first call and made again after it is lost.
    ///
    /// - Parameters:
    ///   - host: A numeric IPv4 or IPv6 address, such as `127.0.0.1`.
    ///   - port: The RPC port (7701 by default on a gateway).
    ///   - defaultOptions: The deadline and metadata of calls that pass no options.
    public static func connecting(
        toHost host: String,
        port: Int,
        defaultOptions: RPCCallOptions = RPCCallOptions(timeout: .seconds(10))
    ) -> GatewayClient {
        GatewayClient(transport: RPCClientConnection(host: host, port: port), defaultOptions: defaultOptions)
    }
}
