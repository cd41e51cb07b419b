extension HTTPResponse {
    /// A response carrying JSON text with `Content-Type: application/json`.
    ///
    /// - Parameters:
    ///   - json: Encoded JSON, such as `{"code":20404}`.
    ///   - status: The status code.
    /// - Returns: The response.
    public static func json(_ json: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: Array(json.utf8))
    }

    /// A response carrying plain UTF-8 text with `Content-Type: text/plain; charset=utf-8`.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - status: The status code.
    /// - Returns: The response.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// A response carrying an XML document (such as TwiML) with `Content-Type: text/xml; charset=utf-8`.
    ///
    /// - Parameters:
    ///   - xml: The document.
    ///   - status: The status code.
    /// - Returns: The response.
    public static func xml(_ xml: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/xml; charset=utf-8"], body: Array(xml.utf8))
    }
}
