internal import Foundation
internal import GatewayClient
internal import RPCCore
internal import SecureTransport

/// The options every RPC client command shares: where the gateway is, whether to reach it
/// with TLS, the call's deadline and the API key.
struct RPCCommandOptions {
    /// The options every RPC command takes.
    static let optionNames: Set<String> = ["rpc-addr", "timeout", "api-key-file", "tls-ca", "tls-server-name"]
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
    /// The API key sent as `authorization: Bearer <key>`, or `nil` for none.
    var apiKey: String?
    /// What to trust with `--tls`, or `nil` for plain TCP.
    var tls: TLSClientContext?

    /// Reads `--rpc-addr` (or `GATEWAY_RPC_ADDR`), `--timeout`, the TLS options, and the API key
    /// from the file `--api-key-file` names or from `GATEWAY_API_KEY`; never from an option
    /// holding the key, which other users could read in the process list.
    ///
    /// - Parameter defaultTimeout: The deadline without `--timeout`; `nil` for none.
    init(
        arguments: inout CommandArguments,
        environment: Environment,
        defaultTimeout: Duration? = .seconds(10)
    ) throws {
        timeout = defaultTimeout
        if let given = arguments.setting("rpc-addr", variable: "GATEWAY_RPC_ADDR", in: environment) {
            address = try HostAndPort(given.text, setting: given.source)
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
            var status = stat()
            if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                throw CommandArguments.ParseError(
                    description: "--api-key-file: '\(path)' is a directory; give the file that holds the API key"
                )
            }
            if stat(path, &status) == 0, status.st_mode & 0o077 != 0 {
                throw CommandArguments.ParseError(
                    description: "--api-key-file: '\(path)' can be read or written by group or others (mode "
                        + "\(String(status.st_mode & 0o777, radix: 8))); run `chmod 600 \(path)`"
                )
            }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CommandArguments.ParseError(description: "--api-key-file: cannot read '\(path)'")
            }
            apiKey = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if Self.startsWithScheme(apiKey) {
                throw CommandArguments.ParseError(
                    description: "--api-key-file: '\(path)' starts with the scheme Bearer: write the key alone "
                        + "(tgw_…) in it; the client adds 'Bearer ' itself"
                )
            }
        } else if let key = environment["GATEWAY_API_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines),
            !key.isEmpty
        {
            guard !Self.startsWithScheme(key) else {
                throw CommandArguments.ParseError(
                    description: "GATEWAY_API_KEY starts with the scheme Bearer: set it to the key alone (tgw_…); "
                        + "the client adds 'Bearer ' itself"
                )
            }
            apiKey = key
        }
        tls = try Self.readTLS(&arguments, environment)
    }

    /// Whether a key as read starts with the word `Bearer` (in any case), which the client adds
    /// itself: sent as it is, the gateway would see the scheme twice.
    private static func startsWithScheme(_ key: String?) -> Bool {
        key?.prefix { !$0.isWhitespace }.lowercased() == "bearer"
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
        let client = GatewayClient.connecting(
            toHost: address.host,
            port: Int(address.port),
            defaultOptions: RPCCallOptions(timeout: timeout),
            tls: tls
        )
        return apiKey.map { client.withAPIKey($0) } ?? client
    }
}
