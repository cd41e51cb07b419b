internal import GatewayClient
internal import RPCCore

/// The options every RPC client command shares: where the gateway is and the call's deadline.
struct RPCCommandOptions {
    /// The options every RPC command takes.
    static let optionNames: Set<String> = ["rpc-addr", "timeout"]

    var address = HostAndPort(host: "127.0.0.1", port: 7701)
    var timeout = Duration.seconds(10)

    init(arguments: inout CommandArguments, environment: Environment) throws {
        if let text = arguments.value("rpc-addr") ?? environment["GATEWAY_RPC_ADDR"] {
            address = try HostAndPort(text, setting: "rpc address")
        }
        if let text = arguments.value("timeout") {
            guard let seconds = Double(text), seconds > 0 else {
                throw CommandArguments.ParseError(description: "--timeout needs a positive number of seconds")
            }
            timeout = .milliseconds(Int64(seconds * 1000))
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
