public import GatewayAPI
public import RPCCore

extension GatewayClient {
    /// Records that the consumer `consumer` has processed every event up to `offset`, so that
    /// it resumes after it when it subscribes again.
    ///
    /// - Returns: The consumer's acknowledged offset, which never moves back.
    public func ackEvents(consumer: String, offset: Int64, options: RPCCallOptions? = nil) async throws
        -> AckEventsResponse
    {
        try await unary(.ackEvents, AckEventsRequest(consumer: consumer, offset: offset), options)
    }

    /// Lists stored events, oldest first in the page; page back with the first offset of a
    /// page as the next request's `beforeOffset`.
    public func listEvents(_ request: ListEventsRequest, options: RPCCallOptions? = nil) async throws
        -> ListEventsResponse
    {
        try await unary(.listEvents, request, options)
    }

    /// Answers an inbound call that waits for its TwiML.
    ///
    /// - Throws: FAILED_PRECONDITION when no webhook waits for the call (any more).
    public func respondToCall(callSID: String, twiml: String, options: RPCCallOptions? = nil) async throws
        -> WebhookReply
    {
        try await unary(.respondToCall, RespondToCallRequest(callSID: callSID, twiml: twiml), options)
    }

    /// Answers an inbound message that waits for its TwiML reply.
    ///
    /// - Throws: FAILED_PRECONDITION when no webhook waits for the message (any more).
    public func replyToMessage(messageSID: String, twiml: String, options: RPCCallOptions? = nil) async throws
        -> WebhookReply
    {
        try await unary(.replyToMessage, ReplyToMessageRequest(messageSID: messageSID, twiml: twiml), options)
    }
}
