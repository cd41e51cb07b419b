/// A complete HTTP request as a handler sees it: head, whole body, and who sent it.
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The percent-decoded path without the query, such as `/2010-04-01/Accounts/AC…/Messages.json`.
    public var path: String
    /// The query string exactly as sent, without the `?`; empty when there is none.
    public var query: String
    /// The request's header fields in arrival order.
    public var headers: HTTPHeaders
    /// The whole request body; empty when there is none.
    public var body: [UInt8]
    /// The client's IP address as text, such as `127.0.0.1` or `::1`; empty when unknown.
    public var remoteAddress: String
    /// The client's TCP port; 0 when unknown.
    public var remotePort: Int
    /// Values of the named segments of the route that matched, filled in by ``HTTPRouter``.
    ///
    /// For the pattern `/Accounts/{AccountSid}/Messages/{Sid}.json` and the path
    /// `/Accounts/AC1/Messages/SM2.json` this is `["AccountSid": "AC1", "Sid": "SM2"]`.
    public var pathParameters: [String: String]

    /// Creates a request, for instance to call a handler or router directly in tests.
    ///
    /// - Parameters:
    ///   - method: The request method.
    ///   - path: The decoded path without the query.
    ///   - query: The raw query string without the `?`.
    ///   - headers: The header fields.
    ///   - body: The body.
    ///   - remoteAddress: The client's IP address as text.
    ///   - remotePort: The client's TCP port.
    ///   - pathParameters: Values of named route segments.
    public init(
        method: HTTPMethod,
        path: String,
        query: String = "",
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        remoteAddress: String = "",
        remotePort: Int = 0,
        pathParameters: [String: String] = [:]
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.remotePort = remotePort
        self.pathParameters = pathParameters
    }

    /// The query string decoded as form fields, such as `PageSize` and `Page`.
    public var queryParameters: HTTPForm {
        HTTPForm(decoding: query)
    }

    /// The media type of the body without parameters, lowercased, such as
    /// `application/x-www-form-urlencoded`; `nil` without a `Content-Type` header.
    public var mediaType: String? {
        guard let contentType = headers["Content-Type"] else {
            return nil
        }
        let type = contentType.prefix { $0 != ";" }
        return type.filter { $0 != " " && $0 != "\t" }.lowercased()
    }
}
