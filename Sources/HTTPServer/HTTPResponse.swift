/// An HTTP response: status, header fields and a body held in memory or produced over time.
///
/// The server adds `Content-Length` (or chunked encoding for a streaming body), `Date` and
/// `Connection` itself; a `Content-Length` set here is ignored.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: HTTPStatus
    /// The header fields, in the order they are sent.
    public var headers: HTTPHeaders
    /// The body; empty for none. Ignored when ``streamingBody`` is set.
    public var body: [UInt8]
    /// A body written over time instead of ``body``, or `nil` for the body in memory.
    public var streamingBody: HTTPStreamingBody?

    /// Creates a response.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - headers: The header fields.
    ///   - body: The body.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
