internal import GatewayMetrics
internal import GatewayServices
internal import GraphQLGateway
internal import RPCCore
internal import TwilioREST

/// Turns what each layer reports through its observer hook into the gateway's metrics.
extension GatewayInstrumentation {
    /// Counts a finished RPC call.
    func observe(_ event: RPCCallEvent) {
        recordRPCCall(
            service: event.method?.service,
            method: event.method?.name,
            code: event.code.description,
            duration: event.duration
        )
    }

    /// Counts a request to Twilio: by HTTP status, or by the failure when nothing was answered.
    func observe(_ event: TwilioRequestEvent) {
        let status: String
        switch event.outcome {
        case .response(let httpStatus):
            status = String(httpStatus)
        case .transportFailure(let kind):
            status = kind.description.replacingSpaces()
        case .cancelled:
            status = "cancelled"
        }
        recordTwilioRequest(
            endpoint: event.endpoint,
            status: status,
            rateLimited: event.isRateLimited,
            duration: event.duration
        )
    }

    /// Counts an answered GraphQL request.
    func observe(_ event: GraphQLRequestEvent) {
        let outcome: GraphQLOutcome
        switch event.outcome {
        case .succeeded: outcome = .ok
        case .fieldErrors: outcome = .error
        case .invalid: outcome = .invalid
        case .malformed: outcome = .malformed
        case .notAllowed: outcome = .notAllowed
        }
        let name: String?
        switch event.operation {
        case .named(let operationName): name = operationName
        case .anonymous: name = ""
        case .unknown: name = nil
        }
        recordGraphQLOperation(name: name, outcome: outcome, duration: event.duration)
    }

    /// Tracks bulk sends and counts retries.
    func observe(_ event: MessagingEvent) {
        switch event {
        case .bulkSendStarted: bulkSendStarted()
        case .bulkSendFinished: bulkSendFinished()
        case .retryScheduled(let endpoint): recordTwilioRetry(endpoint: endpoint)
        }
    }
}

extension String {
    /// The text in lowercase with each space as an underscore, such as `connect_failed`, for a label value.
    fileprivate func replacingSpaces() -> String {
        String(lowercased().map { $0 == " " ? "_" : $0 })
    }
}
