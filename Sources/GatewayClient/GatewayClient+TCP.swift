public import RPCCore
public import SecureTransport
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
    ///   - tls: What to trust when the gateway's RPC port runs TLS, or `nil` for plain TCP. The
    ///     gateway's certificate is verified; one that fails makes every call fail with
    ///     `UNAVAILABLE` and the reason.
    public static func connecting(
        toHost host: String,
        port: Int,
        defaultOptions: RPCCallOptions = RPCCallOptions(timeout: .seconds(10)),
        tls: TLSClientContext? = nil
    ) -> GatewayClient {
        let connection = RPCClientConnection(
            host: host,
            port: port,
            configuration: RPCClientConnection.Configuration(tls: tls)
        )
        return GatewayClient(transport: connection, defaultOptions: defaultOptions)
    }
}
