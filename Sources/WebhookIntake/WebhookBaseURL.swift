/// The public base URL of the gateway as Twilio sees it (`GATEWAY_PUBLIC_URL`), such as
/// `https://gw.example.com/prefix`: the URL a webhook was signed over is this text followed by
/// the request's path and its query string as received.
///
/// The gateway usually sits behind a proxy or load balancer that terminates TLS and may strip a
/// path prefix, so the URL it sees locally is not the one Twilio signed; this base says which
/// one Twilio used. Give the port only when Twilio's URL has one.
public struct WebhookBaseURL: Hashable, Sendable, CustomStringConvertible {
    /// The base without a trailing `/`, such as `https://gw.example.com/prefix`.
    public let text: String

    /// Checks and keeps `text`.
    ///
    /// - Parameter text: An absolute `http` or `https` URL with a host, and optionally a port
    ///   and a path prefix; no query, fragment or user information. A trailing `/` is dropped.
    /// - Throws: ``WebhookConfigurationError`` naming what is wrong.
    public init(_ text: String) throws(WebhookConfigurationError) {
        var trimmed = Substring(text)
        while trimmed.hasSuffix("/") {
            trimmed = trimmed.dropLast()
        }
        let lowercased = trimmed.lowercased()
        guard let schemeLength = ["https://", "http://"].first(where: lowercased.hasPrefix)?.count else {
            throw WebhookConfigurationError(
                "the public URL \(text) must start with https:// or http://, such as https://gw.example.com"
            )
        }
        let rest = trimmed.dropFirst(schemeLength)
        let authority = rest.prefix { $0 != "/" }
        guard !authority.isEmpty, !authority.hasPrefix(":") else {
            throw WebhookConfigurationError("the public URL \(text) has no host, such as https://gw.example.com")
        }
        guard !trimmed.contains("?"), !trimmed.contains("#"), !authority.contains("@") else {
            throw WebhookConfigurationError(
                "the public URL \(text) must not hold a query, a fragment or user information; "
                    + "give only scheme, host, port and path prefix"
            )
        }
        guard !trimmed.contains(where: { $0.isWhitespace }) else {
            throw WebhookConfigurationError("the public URL \(text) must not contain spaces")
        }
        self.text = String(trimmed)
    }

    /// The URL Twilio requested: this base, `path`, and `?query` when there is a query.
    ///
    /// - Parameters:
    ///   - path: The request's path, such as `/webhooks/twilio/sms`.
    ///   - query: The query string exactly as received, without `?`.
    public func url(path: String, query: String) -> String {
        text + path + (query.isEmpty ? "" : "?" + query)
    }

    /// The URL of `endpoint` with no query: what to configure at Twilio.
    public func url(of endpoint: WebhookEndpoint) -> String {
        url(path: endpoint.path, query: "")
    }

    /// The base.
    public var description: String {
        text
    }
}
