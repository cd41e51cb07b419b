internal import GatewayClient
internal import RPCCore
internal import SecureTransport

/// The options every RPC client command shares: where the gateway is, whether to reach it
/// with TLS, and the call's deadline.
struct RPCCommandOptions {
    /// The options every RPC command takes.
    static let optionNames: Set<String> = ["rpc-addr", "timeout", "tls-ca", "tls-server-name"]
    /// The flags every RPC command takes.
    static let flagNames: Set<String> = ["tls"]
    /// The lines of a command's help that describe the TLS options.
    static let tlsHelp = """
          --tls                          Connect with TLS and verify the gateway's certificate
          --tls-ca FILE                  CA certificates (PEM) to trust with --tls, instead of the
                                         system's [GATEWAY_TLS_CA]
          --tls-server-name NAME         The name the certificate must carry, if not the --rpc-addr host
        """
    /// The longest `--timeout`, a year, in seconds.
    static let longestTimeout = 31_536_000.0

    var address = HostAndPort(host: "127.0.0.1", port: 7701)
    /// The deadline of each call, or `nil` for none.
    var timeout: Duration?
    /// What to trust with `--tls`, or `nil` for plain TCP.
    var tls: TLSClientContext?

    /// Reads `--rpc-addr` (or `GATEWAY_RPC_ADDR`), `--timeout` and the TLS options.
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
        tls = try Self.readTLS(&arguments, environment)
    }

    /// The client TLS context `--tls` asks for, or `nil` without it.
    ///
    /// - Throws: When `--tls-ca` or `--tls-server-name` comes without `--tls`, or the CA file
    ///   cannot be used.
    private static func readTLS(_ arguments: inout CommandArguments, _ environment: Environment) throws
        -> TLSClientContext?
    {
        let caFlag = arguments.value("tls-ca")
        let serverName = arguments.value("tls-server-name")
        guard arguments.flag("tls") else {
            guard caFlag == nil, serverName == nil else {
                throw CommandArguments.ParseError(description: "--tls-ca and --tls-server-name need --tls")
            }
            return nil
        }
        do {
            return try TLSClientContext(trustRootsPath: caFlag ?? environment["GATEWAY_TLS_CA"], serverName: serverName)
        } catch {
            throw CommandArguments.ParseError(description: error.message)
        }
    }

    func makeClient() -> GatewayClient {
        GatewayClient.connecting(
            toHost: address.host,
            port: Int(address.port),
            defaultOptions: RPCCallOptions(timeout: timeout),
            tls: tls
        )
    }
}
