extension HTTPResponse {
    /// A response whose body is written over time by `produce`; see ``HTTPStreamingBody``.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - headers: The header fields, such as `Content-Type: text/event-stream`.
    ///   - bufferSize: How many bytes may wait to be sent before a write suspends.
    ///   - produce: Writes the body, then returns.
    /// - Returns: The response.
    public static func streaming(
        status: HTTPStatus = .ok,
        headers: HTTPHeaders = [:],
        bufferSize: Int = 64 << 10,
        produce: @escaping HTTPStreamingBody.Producer
    ) -> HTTPResponse {
        var response = HTTPResponse(status: status, headers: headers)
        response.streamingBody = HTTPStreamingBody(bufferSize: bufferSize, produce: produce)
        return response
    }
}
