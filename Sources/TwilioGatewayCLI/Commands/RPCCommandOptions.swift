internal import GatewayClient
internal import RPCCore

/// The options every RPC client command shares: where the gateway is and the call's deadline.
struct RPCCommandOptions {
    /// The options every RPC command takes.
    static let optionNames: Set<String> = ["rpc-addr", "timeout"]
    /// The longest `--timeout`, a year, in seconds.
    static let longestTimeout = 31_536_000.0

    var address = HostAndPort(host: "127.0.0.1", port: 7701)
    /// The deadline of each call, or `nil` for none.
    var timeout: Duration?

    /// Reads `--rpc-addr` (or `GATEWAY_RPC_ADDR`) and `--timeout`.
    ///
    /// - Parameter defaultTimeout: The deadline without `--timeout`; `nil` for none.
    init(
        arguments: inout CommandArguments,
        environment: Environment,
        defaultTimeout: Duration? = .seconds(10)
    ) throws {
        timeout = defaultTimeout
        if let text = arguments.value("rpc-addr") ?? environment["GATEWAY_RPC_ADDR"] {
            address = try HostAndPort(text, setting: "rpc address")
        }
        if let text = arguments.value("timeout") {
            guard let seconds = Duration.seconds(parsing: text, in: 0.001...Self.longestTimeout) else {
                throw CommandArguments.ParseError(
                    description: "--timeout needs a number of seconds from 0.001 to \(Int(Self.longestTimeout)), "
                        + "not '\(text)'"
                )
            }
            timeout = seconds
        }
    }

    func makeClient() -> GatewayClient {
        GatewayClient.connecting(
            toHost: address.host,
            port: Int(address.port),
            defaultOptions: RPCCallOptions(timeout: timeout)
        )
    }
}
