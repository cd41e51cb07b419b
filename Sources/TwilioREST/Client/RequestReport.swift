internal import ServiceSupport

/// Logs and observes the end of one request: one `twilio.request.finished` line and one event.
struct RequestReport: Sendable {
    let operation: TwilioOperation
    /// The request's path; it holds the account SID but never a credential.
    let path: String
    let started: ContinuousClock.Instant
    let logger: Logger
    let observer: (@Sendable (TwilioRequestEvent) -> Void)?

    /// Reports how the request ended.
    ///
    /// - Parameters:
    ///   - outcome: How the request ended.
    ///   - twilioErrorCode: Twilio's error code, when the answer was an error that had one.
    func finished(_ outcome: TwilioRequestEvent.Outcome, twilioErrorCode: Int? = nil) {
        let duration = ContinuousClock.now - started
        var metadata = [
            "twilio.endpoint": operation.name,
            "http.method": operation.method.rawValue,
            "http.path": path,
            "duration.ms": duration.millisecondsText,
        ]
        switch outcome {
        case .response(let status):
            metadata["twilio.outcome"] = "response"
            metadata["http.status"] = String(status)
            metadata["twilio.error.code"] = twilioErrorCode.map(String.init)
        case .transportFailure(let kind):
            metadata["twilio.outcome"] = "transport_failure"
            metadata["twilio.transport.error"] = kind.description
        case .cancelled:
            metadata["twilio.outcome"] = "cancelled"
        }
        logger.debug("twilio.request.finished", metadata)
        observer?(
            TwilioRequestEvent(
                endpoint: operation.name,
                outcome: outcome,
                twilioErrorCode: twilioErrorCode,
                duration: duration
            )
        )
    }
}
