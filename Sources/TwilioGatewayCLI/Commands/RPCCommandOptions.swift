internal import Foundation
internal import GatewayClient
internal import RPCCore

/// The options every RPC client command shares: where the gateway is, the call's deadline and
/// the API key.
struct RPCCommandOptions {
    /// The options every RPC command takes.
    static let optionNames: Set<String> = ["rpc-addr", "timeout", "api-key-file"]
    /// The longest `--timeout`, a year, in seconds.
    static let longestTimeout = 31_536_000.0

    var address = HostAndPort(host: "127.0.0.1", port: 7701)
    /// The deadline of each call, or `nil` for none.
    var timeout: Duration?
    /// The API key sent as `authorization: Bearer <key>`, or `nil` for none.
    var apiKey: String?

    /// Reads `--rpc-addr` (or `GATEWAY_RPC_ADDR`), `--timeout`, and the API key from the file
    /// `--api-key-file` names or from `GATEWAY_API_KEY`; never from an option holding the key,
    /// which other users could read in the process list.
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
        if let path = arguments.value("api-key-file") {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CommandArguments.ParseError(description: "--api-key-file: cannot read '\(path)'")
            }
            apiKey = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        } else if let key = environment["GATEWAY_API_KEY"], !key.isEmpty {
            apiKey = key
        }
    }

    func makeClient() -> GatewayClient {
        let client = GatewayClient.connecting(
            toHost: address.host,
            port: Int(address.port),
            defaultOptions: RPCCallOptions(timeout: timeout)
        )
        return apiKey.map { client.withAPIKey($0) } ?? client
    }
}
