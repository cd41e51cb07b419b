internal import Foundation

extension TwilioAPIError {
    /// The longest wait a `Retry-After` header is read as, in seconds: a day. A longer one is
    /// shortened to it, so that no caller converts an absurd wait into a number that overflows.
    static let longestRetryAfter = 86_400

    /// Reads the error from an answer whose status is not a success.
    ///
    /// - Parameter response: The answer; its body may be Twilio's JSON, another JSON, or anything else.
    init(response: HTTPResponse) {
        // Only the delay-seconds form of Retry-After is read; an HTTP-date gives nil. Twilio's
        // spec shows seconds, so the date form is left until an answer is seen to use it.
        let retryAfter = response.header(named: "Retry-After").flatMap(Int.init).flatMap { seconds in
            seconds < 0 ? nil : Duration.seconds(min(seconds, Self.longestRetryAfter))
        }
        let body = try? JSONDecoder().decode(ErrorBody.self, from: Data(response.body))
        guard let body, body.code != nil || body.message != nil || body.title != nil else {
            self.init(
                httpStatus: response.status,
                message: "HTTP \(response.status) without a Twilio error body",
                retryAfter: retryAfter
            )
            return
        }
        let isProblemDetails = body.type != nil && body.title != nil && body.message == nil
        self.init(
            httpStatus: response.status,
            code: body.code,
            message: (isProblemDetails ? body.title : body.message) ?? "HTTP \(response.status)",
            moreInfo: isProblemDetails ? body.type : body.moreInfo,
            detail: body.detail,
            retryAfter: retryAfter
        )
    }
}

/// Both shapes of Twilio's error body, every field optional.
private struct ErrorBody: Decodable {
    var code: Int?
    var message: String?
    var moreInfo: String?
    var detail: String?
    var type: String?
    var title: String?

    enum CodingKeys: String, CodingKey {
        case code
        case message
        case moreInfo = "more_info"
        case detail
        case type
        case title
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = container.decodeLenientInt(forKey: .code)
        message = container.decodeLenientString(forKey: .message)
        moreInfo = container.decodeLenientString(forKey: .moreInfo)
        detail = container.decodeLenientString(forKey: .detail)
        type = container.decodeLenientString(forKey: .type)
        title = container.decodeLenientString(forKey: .title)
    }
}
