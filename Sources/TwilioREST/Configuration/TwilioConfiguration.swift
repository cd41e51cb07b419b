/// Where the client sends requests and how long it waits for them.
public struct TwilioConfiguration: Hashable, Sendable {
    /// The Core API base URL (Messages, Calls), without a trailing slash.
    public var apiBaseURL: String
    /// The Verify v2 base URL, without a trailing slash.
    public var verifyBaseURL: String
    /// How long the TCP and TLS handshakes may take (`CURLOPT_CONNECTTIMEOUT_MS`).
    public var connectTimeout: Duration
    /// How long a whole request may take, connecting included (`CURLOPT_TIMEOUT_MS`).
    ///
    /// A caller's deadline that comes sooner shortens it for that request.
    public var requestTimeout: Duration
    /// The `User-Agent` header.
    public var userAgent: String
    /// The largest response body the client reads; a larger one fails with
    /// ``TwilioTransportError/Kind/tooLarge``.
    public var maximumResponseBodyBytes: Int
    /// How many connections the client keeps open to one host at most; requests beyond that wait
    /// for a free connection, and the wait counts toward their timeout (`CURLMOPT_MAX_HOST_CONNECTIONS`).
    public var maximumConnectionsPerHost: Int

    /// The version written in ``defaultUserAgent``.
    public static let gatewayVersion = "0.1.0"

    /// `twilio-gateway/<version> (Linux <arch>) Swift/6`, after the helper libraries' convention.
    public static let defaultUserAgent = "twilio-gateway/\(gatewayVersion) (Linux \(architecture)) Swift/6"

    /// Creates a configuration; every default is Twilio's public endpoint or our standard limit.
    ///
    /// - Parameters:
    ///   - apiBaseURL: The Core API base URL, `https://api.twilio.com` by default.
    ///   - verifyBaseURL: The Verify base URL, `https://verify.twilio.com` by default.
    ///   - connectTimeout: The connect timeout, 5 seconds by default.
    ///   - requestTimeout: The whole-request timeout, 15 seconds by default.
    ///   - userAgent: The `User-Agent` header, ``defaultUserAgent`` by default.
    ///   - maximumResponseBodyBytes: The response body limit, 10 MiB by default.
    ///   - maximumConnectionsPerHost: The connection limit per host, 16 by default.
    public init(
        apiBaseURL: String = "https://api.twilio.com",
        verifyBaseURL: String = "https://verify.twilio.com",
        connectTimeout: Duration = .seconds(5),
        requestTimeout: Duration = .seconds(15),
        userAgent: String = TwilioConfiguration.defaultUserAgent,
        maximumResponseBodyBytes: Int = 10 * 1024 * 1024,
        maximumConnectionsPerHost: Int = 16
    ) {
        self.apiBaseURL = apiBaseURL
        self.verifyBaseURL = verifyBaseURL
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.userAgent = userAgent
        self.maximumResponseBodyBytes = maximumResponseBodyBytes
        self.maximumConnectionsPerHost = maximumConnectionsPerHost
    }

    private static var architecture: String {
        #if arch(x86_64)
            "x86_64"
        #elseif arch(arm64)
            "aarch64"
        #else
            "unknown"
        #endif
    }
}
