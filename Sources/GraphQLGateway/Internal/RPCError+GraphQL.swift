internal import GatewayAPI
internal import GraphQL
internal import RPCCore

extension RPCError {
    /// The error as a GraphQL field error, with the facts of docs/errors.md in `extensions`.
    ///
    /// `code` and `retryable` are always present (see ``RPCCore/RPCError/isRetryable``); the
    /// Twilio facts, `retryAfterMs` and `fieldViolations` only when the details carry them.
    var graphQLError: GraphQLError {
        let details = errorDetails
        var extensions: GraphQLObject = ["code": .string(code.description)]
        if let details {
            if details.twilioCode != 0 {
                extensions["twilioCode"] = .int(Int(details.twilioCode))
            }
            if !details.twilioMessage.isEmpty {
                extensions["twilioMessage"] = .string(details.twilioMessage)
            }
            if !details.moreInfo.isEmpty {
                extensions["moreInfo"] = .string(details.moreInfo)
            }
            if details.httpStatus != 0 {
                extensions["httpStatus"] = .int(Int(details.httpStatus))
            }
        }
        extensions["retryable"] = .bool(isRetryable)
        if let details, details.retryAfterMilliseconds > 0 {
            extensions["retryAfterMs"] = .int(Int(details.retryAfterMilliseconds))
        }
        if let details, !details.fieldViolations.isEmpty {
            extensions["fieldViolations"] = .list(
                details.fieldViolations.map { ["field": .string($0.field), "description": .string($0.description)] }
            )
        }

        return GraphQLError(message: message, extensions: extensions)
    }
}
