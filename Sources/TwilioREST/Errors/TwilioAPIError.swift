/// Twilio answered, with an HTTP status that is not a success.
///
/// Built from Twilio's JSON error body when there is one: the classic
/// `{"code", "message", "more_info", "status"}` shape, or the RFC 9457 problem-details shape
/// (`type`, `title`, `status`, `code`, `detail`). A body that is not JSON, such as a proxy's HTML
/// page for a 502, gives an error with the HTTP status and no ``code``.
public struct TwilioAPIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The HTTP status of the answer, such as 400, 401, 429 or 502.
    public var httpStatus: Int
    /// Twilio's error code, such as 21211 or 20429, or `nil` when the body had none.
    public var code: Int?
    /// Twilio's message (the problem `title` in the RFC 9457 shape), or a description of the status.
    public var message: String
    /// A link to Twilio's page for the code (the problem `type` in the RFC 9457 shape).
    public var moreInfo: String?
    /// The longer explanation Twilio sometimes adds, such as for 20003.
    public var detail: String?
    /// How long Twilio asked the caller to wait, from a `Retry-After` header given in seconds;
    /// at most a day, and `nil` for a negative or unreadable header.
    public var retryAfter: Duration?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - httpStatus: The HTTP status.
    ///   - code: Twilio's error code, if any.
    ///   - message: Twilio's message.
    ///   - moreInfo: The link to Twilio's documentation of the code.
    ///   - detail: The longer explanation, if any.
    ///   - retryAfter: The wait Twilio asked for, if any.
    public init(
        httpStatus: Int,
        code: Int? = nil,
        message: String,
        moreInfo: String? = nil,
        detail: String? = nil,
        retryAfter: Duration? = nil
    ) {
        self.httpStatus = httpStatus
        self.code = code
        self.message = message
        self.moreInfo = moreInfo
        self.detail = detail
        self.retryAfter = retryAfter
    }

    /// Whether the same request may succeed later: true for rate limits (HTTP 429 or code 20429)
    /// and server errors (5xx, such as 503); false for validation, authentication and other 4xx errors.
    ///
    /// Twilio documents that a 20429 request was not processed. After a 5xx it may have been.
    public var isRetryable: Bool {
        httpStatus == 429 || code == 20429 || (500...599).contains(httpStatus)
    }

    public var description: String {
        var text = "Twilio answered HTTP \(httpStatus)"
        if let code {
            text += " with error \(code)"
        }
        text += ": \(message)"
        if let detail {
            text += " (\(detail))"
        }
        if let moreInfo {
            text += " See \(moreInfo)"
        }
        return text
    }
}
