internal import GatewayAPI
public import RPCCore
internal import ServiceSupport
public import TwilioREST

/// Turns failures of the Twilio client into the statuses of docs/errors.md.
public enum TwilioErrorMapping {
    /// Runs `body`, rethrowing Twilio client errors as ``RPCCore/RPCError``s with details.
    public static func mapping<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as TwilioAPIError {
            throw rpcError(for: error)
        } catch let error as TwilioTransportError {
            throw rpcError(for: error)
        }
    }

    /// The status a Twilio error answer becomes.
    public static func rpcError(for error: TwilioAPIError) -> RPCError {
        let details = ErrorDetails(
            twilioCode: Int32(clamping: error.code ?? 0),
            twilioMessage: error.message,
            moreInfo: error.moreInfo ?? "",
            httpStatus: Int32(clamping: error.httpStatus),
            retryable: error.isRetryable && !exhaustedAttemptCodes.contains(error.code ?? 0),
            retryAfterMilliseconds: error.retryAfter.map { Int64($0.milliseconds) } ?? 0
        )
        let prefix = error.code.map { "Twilio error \($0)" } ?? "Twilio answered HTTP \(error.httpStatus)"
        return RPCError(code: statusCode(for: error), message: "\(prefix): \(error.message)", details: details)
    }

    /// The status a failure to reach Twilio becomes.
    public static func rpcError(for error: TwilioTransportError) -> RPCError {
        let details = ErrorDetails(retryable: error.isRetryable)
        let code: RPCStatusCode
        switch error.kind {
        case .timedOut: code = .deadlineExceeded
        case .invalidRequest, .setupFailed: code = .internalError
        default: code = .unavailable
        }
        return RPCError(code: code, message: "Twilio could not be reached: \(error.message)", details: details)
    }

    private static let failedPreconditionCodes: Set<Int> = [
        20003, 21214, 21215, 21216, 21220, 21408, 21610, 21612, 21614, 30409,
    ]
    private static let exhaustedAttemptCodes: Set<Int> = [60202, 60203, 60308, 60310]

    private static func statusCode(for error: TwilioAPIError) -> RPCStatusCode {
        if let code = error.code, failedPreconditionCodes.contains(code) {
            return .failedPrecondition
        }
        if let code = error.code, exhaustedAttemptCodes.contains(code) {
            return .resourceExhausted
        }
        switch error.httpStatus {
        case 400, 413, 414, 422: return .invalidArgument
        case 401: return .failedPrecondition
        case 403: return .permissionDenied
        case 404: return .notFound
        case 429: return .resourceExhausted
        case 500...: return .unavailable
        default: return .unknown
        }
    }
}
