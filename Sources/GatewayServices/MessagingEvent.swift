/// What ``MessagingService`` reports to its observer, for metrics.
public enum MessagingEvent: Hashable, Sendable {
    /// A `BulkSendSms` call passed validation and starts sending.
    case bulkSendStarted
    /// A bulk send that started is over, whether it finished, failed or was cancelled.
    case bulkSendFinished
    /// A request to Twilio is about to be made again because Twilio asked to slow down.
    ///
    /// - Parameter endpoint: The endpoint, named as in `TwilioRequestEvent` (`messages.create`).
    case retryScheduled(endpoint: String)
}
