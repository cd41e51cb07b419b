internal import SecureTransport
internal import ServiceSupport

/// Everything `serve` needs, from flags first, then environment variables, then defaults.
struct ServeConfiguration {
    /// Twilio credentials and where Twilio is; no credentials means sandbox mode.
    struct Twilio {
        var accountSID: String?
        var authToken: String?
        var apiBaseURL: String?
        var verifyBaseURL: String?
        /// The vault's credentials, used when the TWILIO_* variables are absent and a vault exists.
        var vault: VaultCredentialSource?
        /// `TWILIO_MESSAGING_SERVICE_SID`, the default Messaging Service, ahead of the vault's.
        var messagingServiceSID: String?
        /// `TWILIO_VERIFY_SERVICE_SID`, the default Verify Service, ahead of the vault's.
        var verifyServiceSID: String?

        var isConfigured: Bool { (accountSID != nil && authToken != nil) || vault != nil }

        /// The Messaging Service of sends that name no sender: the variable's, else the vault's.
        var defaultMessagingServiceSID: String? { messagingServiceSID ?? vault?.messagingServiceSID }
        /// The Verify Service of Verify requests that name none: the variable's, else the vault's.
        var defaultVerifyServiceSID: String? { verifyServiceSID ?? vault?.verifyServiceSID }
    }

    var rpcAddress = HostAndPort(host: "127.0.0.1", port: 7701)
    var httpAddress = HostAndPort(host: "127.0.0.1", port: 8080)
    var dataDirectory = "data"
    var logLevel = LogLevel.info
    var upstreams: [HostAndPort] = []
    var sandboxNumbers = ["+15557654321", "+15005550006"]
    var graphQLTimeout = Duration.seconds(10)
    var readinessInterval = Duration.seconds(15)
    var graphQLMaxStreams = 100
    var graphQLKeepAlive = Duration.seconds(15)
    var statusReconcileAfter = Duration.seconds(15 * 60)
    /// The most HTTP connections one client address may hold open at once.
    var httpConnectionsPerAddress = 256
    /// How long a new HTTP connection may pause before its request head is complete.
    var httpHeaderTimeout = Duration.seconds(10)
    var twilio = Twilio()
    var webhooks = WebhookSettings()
    var eventRetention = EventRetentionSettings()
    var apiKeys = APIKeySettings()
    /// The certificate and key of both ports, or `nil` for plain TCP and HTTP.
    var tls: TLSServerContext?
    var limits = LimitSettings()

    /// The seconds `--graphql-timeout` and `--readiness-interval` may be: a millisecond to a day.
    static let durationRange = 0.001...86_400.0

    /// The options `serve` takes, each with a value.
    static let optionNames = Set([
        "rpc-addr", "http-addr", "data-dir", "log-level", "upstream", "graphql-timeout", "sandbox-numbers",
        "readiness-interval", "graphql-max-streams", "graphql-keepalive", "status-reconcile-after",
        "http-connections-per-address", "http-header-timeout",
    ])
    .union(WebhookSettings.optionNames)
    .union(EventRetentionSettings.optionNames)
    .union(tlsOptionNames)
    .union(LimitSettings.optionNames)

    /// The flags `serve` takes, without a value.
    static let flagNames: Set<String> = [APIKeySettings.flagName]

    static let help = """
        Usage: twilio-gateway serve [options]

        Runs the RPC server, the GraphQL gateway at POST /graphql and, when no Twilio credentials
        are configured, the built-in Twilio sandbox (nothing is really sent).

        Options (each also read from the environment variable in brackets):
          --rpc-addr HOST:PORT       RPC listen address [GATEWAY_RPC_ADDR] (default 127.0.0.1:7701)
          --http-addr HOST:PORT      HTTP listen address [GATEWAY_HTTP_ADDR] (default 127.0.0.1:8080)
          --data-dir PATH            Data directory [GATEWAY_DATA_DIR] (default ./data)
          --log-level LEVEL          trace, debug, info, notice, warning, error [GATEWAY_LOG_LEVEL] (default info)
          --upstream HOST:PORT       Run only the GraphQL gateway, forwarding to these RPC servers;
                                     repeat for several [GATEWAY_UPSTREAMS, comma-separated]
          --graphql-timeout SECONDS  Deadline of each RPC a GraphQL field makes, 0.001 to 86400
                                     [GATEWAY_GRAPHQL_TIMEOUT] (default 10)
          --graphql-max-streams N    Most GraphQL event streams (subscriptions) open at once, 1 to 1000
                                     [GATEWAY_GRAPHQL_MAX_STREAMS] (default 100)
          --graphql-keepalive SECONDS
                                     Interval of keep-alive comments on event streams
                                     [GATEWAY_GRAPHQL_KEEPALIVE] (default 15)
          --sandbox-numbers LIST     Numbers the sandbox account owns, comma-separated
                                     [GATEWAY_SANDBOX_NUMBERS] (default +15557654321,+15005550006)
          --readiness-interval SECONDS
                                     Time between two probes of Twilio (or the upstreams) behind
                                     GET /readyz, 0.001 to 86400 [GATEWAY_READINESS_INTERVAL] (default 15)
          --http-connections-per-address N
                                     HTTP connections one client address may hold, 1 to 1024
                                     [GATEWAY_HTTP_CONNECTIONS_PER_ADDRESS] (default 256)
          --http-header-timeout SECONDS
                                     Longest pause, 1 to 30 seconds, before a new HTTP connection's
                                     request headers are complete [GATEWAY_HTTP_HEADER_TIMEOUT] (default 10)
          --status-reconcile-after SECONDS
                                     Fetch a sent message from Twilio once when its final status
                                     has not arrived after this long, 0.001 to 604800
                                     [GATEWAY_STATUS_RECONCILE_AFTER] (default 900)
        \(tlsHelp)

        \(WebhookSettings.help)

        \(EventRetentionSettings.help)

        API keys (see 'keys'):
          --require-api-keys         Callers need a key in sandbox mode too [GATEWAY_REQUIRE_API_KEYS=1];
                                     with real Twilio they always do, and every call is refused
                                     until 'keys create' has made one. A sandbox without keys is open.

        \(LimitSettings.help)

        Twilio (from the environment only, so the token never shows in a process list):
          TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN   Real credentials; both or neither
          GATEWAY_MASTER_KEY(_FILE)               Opens vault.json in the data directory when the
                                                  TWILIO_* credentials are absent (see 'credentials')
          TWILIO_MESSAGING_SERVICE_SID            Messaging Service (MG...) of sends that name no sender
          TWILIO_VERIFY_SERVICE_SID               Verify Service (VA...) of Verify requests that name none
                                                  (both default to the vault's, see 'credentials')
          TWILIO_API_BASE_URL                     Default https://api.twilio.com
          TWILIO_VERIFY_BASE_URL                  Default https://verify.twilio.com
        """

    /// Reads the configuration.
    ///
    /// - Throws: An error naming the flag or variable that is wrong.
    init(arguments: inout CommandArguments, environment: Environment) throws {
        if let given = arguments.setting("rpc-addr", variable: "GATEWAY_RPC_ADDR", in: environment) {
            rpcAddress = try HostAndPort(given.text, setting: given.source).listenable(option: given.source)
        }
        if let given = arguments.setting("http-addr", variable: "GATEWAY_HTTP_ADDR", in: environment) {
            httpAddress = try HostAndPort(given.text, setting: given.source).listenable(option: given.source)
        }
        dataDirectory = arguments.value("data-dir") ?? environment["GATEWAY_DATA_DIR"] ?? dataDirectory
        if let name = arguments.value("log-level") ?? environment["GATEWAY_LOG_LEVEL"] {
            guard let level = LogLevel(name: name) else {
                throw CommandArguments.ParseError(description: "unknown log level '\(name)'")
            }
            logLevel = level
        }
        var upstreamTexts = arguments.values("upstream")
        var upstreamSource = "--upstream"
        if upstreamTexts.isEmpty, let list = environment["GATEWAY_UPSTREAMS"] {
            upstreamTexts = list.split(separator: ",").map { String($0) }
            upstreamSource = "GATEWAY_UPSTREAMS"
        }
        upstreams = try upstreamTexts.map { try HostAndPort($0, setting: upstreamSource) }
        if let given = arguments.setting("graphql-timeout", variable: "GATEWAY_GRAPHQL_TIMEOUT", in: environment) {
            guard let timeout = Duration.seconds(parsing: given.text, in: Self.durationRange) else {
                throw CommandArguments.ParseError(
                    description: "\(given.source) needs a number of seconds from 0.001 to 86400, not '\(given.text)'"
                )
            }
            graphQLTimeout = timeout
        }
        if let given = arguments.setting("readiness-interval", variable: "GATEWAY_READINESS_INTERVAL", in: environment)
        {
            guard let interval = Duration.seconds(parsing: given.text, in: Self.durationRange) else {
                throw CommandArguments.ParseError(
                    description: "\(given.source) needs a number of seconds from 0.001 to 86400, not '\(given.text)'"
                )
            }
            readinessInterval = interval
        }
        if let given = arguments.setting(
            "http-connections-per-address",
            variable: "GATEWAY_HTTP_CONNECTIONS_PER_ADDRESS",
            in: environment
        ) {
            guard let limit = Int(given.text), (1...1024).contains(limit) else {
                throw CommandArguments.ParseError(
                    description: "\(given.source) needs a whole number from 1 to 1024, not '\(given.text)'"
                )
            }
            httpConnectionsPerAddress = limit
        }
        if let given = arguments.setting(
            "http-header-timeout",
            variable: "GATEWAY_HTTP_HEADER_TIMEOUT",
            in: environment
        ) {
            guard let timeout = Duration.seconds(parsing: given.text, in: 1...30) else {
                throw CommandArguments.ParseError(
                    description: "\(given.source) needs a number of seconds from 1 to 30, not '\(given.text)'"
                )
            }
            httpHeaderTimeout = timeout
        }
        try readEventStreamSettings(&arguments, environment)
        if let given = arguments.setting(
            "status-reconcile-after",
            variable: "GATEWAY_STATUS_RECONCILE_AFTER",
            in: environment
        ) {
            guard let seconds = Double(given.text), seconds >= 0.001, seconds <= 604_800 else {
                throw CommandArguments.ParseError(
                    description: "\(given.source) needs a number of seconds from 0.001 to 604800 (seven days)"
                )
            }
            statusReconcileAfter = .milliseconds(Int64(seconds * 1000))
        }
        if let list = arguments.value("sandbox-numbers") ?? environment["GATEWAY_SANDBOX_NUMBERS"] {
            sandboxNumbers = list.split(separator: ",").map { String($0) }
        }
        twilio = Twilio(
            accountSID: environment["TWILIO_ACCOUNT_SID"],
            authToken: environment["TWILIO_AUTH_TOKEN"],
            apiBaseURL: environment["TWILIO_API_BASE_URL"],
            verifyBaseURL: environment["TWILIO_VERIFY_BASE_URL"],
            messagingServiceSID: try environment["TWILIO_MESSAGING_SERVICE_SID"].map {
                try Self.serviceSID($0, variable: "TWILIO_MESSAGING_SERVICE_SID", prefix: "MG")
            },
            verifyServiceSID: try environment["TWILIO_VERIFY_SERVICE_SID"].map {
                try Self.serviceSID($0, variable: "TWILIO_VERIFY_SERVICE_SID", prefix: "VA")
            }
        )
        if (twilio.accountSID == nil) != (twilio.authToken == nil) {
            throw CommandArguments.ParseError(
                description: "set both TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or neither to use the sandbox"
            )
        }
        if let accountSID = twilio.accountSID, let authToken = twilio.authToken {
            _ = try Self.serviceSID(accountSID, variable: "TWILIO_ACCOUNT_SID", prefix: "AC")
            if let problem = SecretRule.problem(Array(authToken.utf8)) {
                throw CommandArguments.ParseError(description: "TWILIO_AUTH_TOKEN \(problem); \(SecretRule.rule)")
            }
        } else {
            twilio.vault = try Self.loadVault(dataDirectory: dataDirectory)
        }
        webhooks = try WebhookSettings(arguments: &arguments, environment: environment)
        eventRetention = try EventRetentionSettings(arguments: &arguments, environment: environment)
        apiKeys = try APIKeySettings(arguments: &arguments, environment: environment)
        tls = try Self.readTLS(&arguments, environment)
        limits = try LimitSettings(arguments: &arguments, environment: environment)
        try arguments.rejectUnknown()
    }

    /// `value` when it is `prefix` and 32 hex digits, such as an Account or Service SID.
    ///
    /// - Throws: ``CommandArguments/ParseError`` naming the variable and the shape.
    private static func serviceSID(_ value: String, variable: String, prefix: String) throws -> String {
        do {
            return try CredentialsCommand.sid(value, option: variable, prefix: prefix)
        } catch {
            throw CommandArguments.ParseError(description: "\(variable) must be \(prefix) followed by 32 hex digits")
        }
    }

    /// Reads the limits of GraphQL over Server-Sent Events.
    private mutating func readEventStreamSettings(
        _ arguments: inout CommandArguments,
        _ environment: Environment
    ) throws {
        if let given = arguments.setting(
            "graphql-max-streams",
            variable: "GATEWAY_GRAPHQL_MAX_STREAMS",
            in: environment
        ) {
            // At most 1000, so that streams leave room among the HTTP server's 1024 connections.
            guard let count = Int(given.text), (1...1000).contains(count) else {
                throw CommandArguments.ParseError(description: "\(given.source) needs a number from 1 to 1000")
            }
            graphQLMaxStreams = count
        }
        if let given = arguments.setting("graphql-keepalive", variable: "GATEWAY_GRAPHQL_KEEPALIVE", in: environment) {
            guard let seconds = Double(given.text), seconds > 0, seconds <= 3600 else {
                throw CommandArguments.ParseError(
                    description: "\(given.source) needs a number of seconds above 0, at most 3600"
                )
            }
            graphQLKeepAlive = .milliseconds(Int64(seconds * 1000))
        }
    }
}
