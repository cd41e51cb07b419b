/// One request for ``WebhookClient``: what Twilio sends to an application's URL.
public struct WebhookRequest: Sendable {
    /// The methods Twilio uses for webhooks.
    public enum Method: String, Hashable, Sendable {
        /// `GET`: parameters travel in the query string.
        case get = "GET"
        /// `POST`: parameters travel as a form body.
        case post = "POST"
    }

    /// The method.
    public var method: Method
    /// The absolute `http` or `https` URL, query included.
    public var url: String
    /// Headers besides `User-Agent`, `Content-Length` and `Host`, such as `X-Twilio-Signature`.
    public var headers: [(name: String, value: String)]
    /// The body of a `POST`; ignored for `GET`.
    public var body: [UInt8]

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - url: The absolute URL.
    ///   - headers: Extra headers.
    ///   - body: The body of a `POST`.
    public init(method: Method, url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
