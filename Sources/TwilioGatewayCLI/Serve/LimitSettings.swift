internal import GraphQL
internal import HTTPServer
internal import SecureTransport
internal import WireFraming

/// The limits of `serve` an operator may tune: frames, calls and connections on the RPC port;
/// bodies, heads, delivery time and connections on the HTTP port; the size and shape of GraphQL
/// documents, requests in flight and event streams per client address. docs/security.md lists
/// each with its default and what a client that breaks it gets.
struct LimitSettings {
    var rpcMaxFrameSize = 4_194_304
    var rpcMaxCallsPerConnection = 4096
    var rpcMaxConnectionsPerAddress = 256
    var rpcHandshakeTimeout = Duration.seconds(10)
    var rpcIdleTimeout = Duration.seconds(300)
    var httpMaxBodyBytes = 1 << 20
    var httpMaxHeaderBytes = 32 << 10
    var httpRequestTimeout = Duration.seconds(60)
    var httpMaxConnections = 1024
    var graphQLMaxDocumentBytes = 256 << 10
    var graphQLMaxDepth = 64
    var graphQLMaxFields = 5000
    var graphQLMaxAliases = 500
    var graphQLMaxRequestsPerAddress = 8
    var graphQLMaxStreamsPerAddress = 16

    static let optionNames: Set<String> = [
        "rpc-max-frame-size", "rpc-max-calls-per-connection", "rpc-max-connections-per-address",
        "rpc-handshake-timeout", "rpc-idle-timeout", "http-max-body-bytes", "http-max-header-bytes",
        "http-request-timeout", "http-max-connections", "graphql-max-document-bytes", "graphql-max-depth",
        "graphql-max-fields", "graphql-max-aliases", "graphql-max-requests-per-address",
        "graphql-max-streams-per-address",
    ]

    static let help = """
        Limits (a client over one gets an error status and the gateway one log line naming the limit):
          --rpc-max-frame-size BYTES   Largest RPC frame payload, 16384 to 1073741824
                                       [GATEWAY_RPC_MAX_FRAME_SIZE] (default 4194304)
          --rpc-max-calls-per-connection N
                                       RPC calls in flight on one connection, 1 to 65536
                                       [GATEWAY_RPC_MAX_CALLS_PER_CONNECTION] (default 4096)
          --rpc-max-connections-per-address N
                                       RPC connections from one IP address, 1 to 65536
                                       [GATEWAY_RPC_MAX_CONNECTIONS_PER_ADDRESS] (default 256)
          --rpc-handshake-timeout SECONDS
                                       Time to send the RPC preface, 0.1 to 300
                                       [GATEWAY_RPC_HANDSHAKE_TIMEOUT] (default 10)
          --rpc-idle-timeout SECONDS   Time an RPC connection without calls stays open, 1 to 86400
                                       [GATEWAY_RPC_IDLE_TIMEOUT] (default 300)
          --http-max-body-bytes BYTES  Largest HTTP request body, 1024 to 67108864
                                       [GATEWAY_HTTP_MAX_BODY_BYTES] (default 1048576)
          --http-max-header-bytes BYTES
                                       Per-connection memory for the request head, 4096 to 1048576
                                       [GATEWAY_HTTP_MAX_HEADER_BYTES] (default 32768)
          --http-request-timeout SECONDS
                                       Longest time one HTTP request may take to arrive, head and
                                       body, 1 to 3600 [GATEWAY_HTTP_REQUEST_TIMEOUT] (default 60)
          --http-max-connections N     HTTP connections open at once, 16 to 65536
                                       [GATEWAY_HTTP_MAX_CONNECTIONS] (default 1024)
          --graphql-max-document-bytes BYTES
                                       Largest GraphQL document, 1024 to 1048576
                                       [GATEWAY_GRAPHQL_MAX_DOCUMENT_BYTES] (default 262144)
          --graphql-max-depth N        Deepest GraphQL nesting, 2 to 256 [GATEWAY_GRAPHQL_MAX_DEPTH] (default 64)
          --graphql-max-fields N       Most field selections in a document, 1 to 100000
                                       [GATEWAY_GRAPHQL_MAX_FIELDS] (default 5000)
          --graphql-max-aliases N      Most aliased fields in a document, 0 to 100000
                                       [GATEWAY_GRAPHQL_MAX_ALIASES] (default 500)
          --graphql-max-requests-per-address N
                                       GraphQL requests one client address may have in flight, 1 to
                                       10000 [GATEWAY_GRAPHQL_MAX_REQUESTS_PER_ADDRESS] (default 8)
          --graphql-max-streams-per-address N
                                       GraphQL event streams one client address may have open, 1 to
                                       1000 [GATEWAY_GRAPHQL_MAX_STREAMS_PER_ADDRESS] (default 16)
        """

    /// The defaults.
    init() {}

    /// Reads the settings, each from its flag, else its environment variable, else the default.
    ///
    /// - Throws: ``CommandArguments/ParseError`` naming the option and its range.
    init(arguments: inout CommandArguments, environment: Environment) throws {
        var reader = Reader(arguments: arguments, environment: environment)
        rpcMaxFrameSize = try reader.whole("rpc-max-frame-size", 16_384...(1 << 30)) ?? rpcMaxFrameSize
        rpcMaxCallsPerConnection =
            try reader.whole("rpc-max-calls-per-connection", 1...65_536) ?? rpcMaxCallsPerConnection
        rpcMaxConnectionsPerAddress =
            try reader.whole("rpc-max-connections-per-address", 1...65_536) ?? rpcMaxConnectionsPerAddress
        rpcHandshakeTimeout = try reader.seconds("rpc-handshake-timeout", 0.1...300) ?? rpcHandshakeTimeout
        rpcIdleTimeout = try reader.seconds("rpc-idle-timeout", 1...86_400) ?? rpcIdleTimeout
        httpMaxBodyBytes = try reader.whole("http-max-body-bytes", 1024...(64 << 20)) ?? httpMaxBodyBytes
        httpMaxHeaderBytes = try reader.whole("http-max-header-bytes", 4096...(1 << 20)) ?? httpMaxHeaderBytes
        httpRequestTimeout = try reader.seconds("http-request-timeout", 1...3600) ?? httpRequestTimeout
        httpMaxConnections = try reader.whole("http-max-connections", 16...65_536) ?? httpMaxConnections
        graphQLMaxDocumentBytes =
            try reader.whole("graphql-max-document-bytes", 1024...(1 << 20)) ?? graphQLMaxDocumentBytes
        graphQLMaxDepth = try reader.whole("graphql-max-depth", 2...256) ?? graphQLMaxDepth
        graphQLMaxFields = try reader.whole("graphql-max-fields", 1...100_000) ?? graphQLMaxFields
        graphQLMaxAliases = try reader.whole("graphql-max-aliases", 0...100_000) ?? graphQLMaxAliases
        graphQLMaxRequestsPerAddress =
            try reader.whole("graphql-max-requests-per-address", 1...10_000) ?? graphQLMaxRequestsPerAddress
        graphQLMaxStreamsPerAddress =
            try reader.whole("graphql-max-streams-per-address", 1...1000) ?? graphQLMaxStreamsPerAddress
        arguments = reader.arguments
    }

    /// The RPC server's configuration with these limits, and TLS with `tls` when it is given.
    func rpcServer(tls: TLSServerContext?) -> RPCServer.Configuration {
        RPCServer.Configuration(
            maxFrameSize: rpcMaxFrameSize,
            maxConcurrentCallsPerConnection: rpcMaxCallsPerConnection,
            maxConnectionsPerAddress: rpcMaxConnectionsPerAddress,
            handshakeTimeout: rpcHandshakeTimeout,
            idleTimeout: rpcIdleTimeout,
            tls: tls
        )
    }

    /// `configuration` with the HTTP limits set.
    func applying(to configuration: HTTPServer.Configuration) -> HTTPServer.Configuration {
        var configuration = configuration
        configuration.maxBodyBytes = httpMaxBodyBytes
        configuration.maxHeaderBytes = httpMaxHeaderBytes
        configuration.requestReceiveTimeout = httpRequestTimeout
        configuration.connectionLimit = httpMaxConnections
        return configuration
    }

    /// The GraphQL parser's limits.
    var graphQLParseLimits: ParseLimits {
        ParseLimits(
            maxBytes: graphQLMaxDocumentBytes,
            maxDepth: graphQLMaxDepth,
            maxFields: graphQLMaxFields,
            maxAliases: graphQLMaxAliases
        )
    }

    /// The GraphQL validator's options: the same depth, counted through fragments.
    var graphQLValidationOptions: ValidationOptions {
        ValidationOptions(maxDepth: graphQLMaxDepth)
    }

    /// Reads each setting from its flag, else from its `GATEWAY_…` variable.
    private struct Reader {
        var arguments: CommandArguments
        let environment: Environment

        mutating func whole(_ option: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let given = setting(option) else {
                return nil
            }
            guard let number = Int(given.text), range.contains(number) else {
                throw CommandArguments.ParseError(
                    description:
                        "\(given.source) needs a whole number from \(range.lowerBound) to \(range.upperBound), "
                        + "not '\(given.text)'"
                )
            }
            return number
        }

        mutating func seconds(_ option: String, _ range: ClosedRange<Double>) throws -> Duration? {
            guard let given = setting(option) else {
                return nil
            }
            guard let duration = Duration.seconds(parsing: given.text, in: range) else {
                throw CommandArguments.ParseError(
                    description:
                        "\(given.source) needs a number of seconds from \(range.lowerBound) to \(range.upperBound), "
                        + "not '\(given.text)'"
                )
            }
            return duration
        }

        /// The flag's value, else the value of `GATEWAY_` and the option's name in capitals.
        private mutating func setting(_ option: String) -> SettingText? {
            let variable = "GATEWAY_" + option.uppercased().split(separator: "-").joined(separator: "_")
            return arguments.setting(option, variable: variable, in: environment)
        }
    }
}
