public import GatewayAPI
public import RPCCore

extension GatewayClient {
    /// Fetches one message as Twilio reports it now.
    public func getMessage(sid: String, options: RPCCallOptions? = nil) async throws -> Message {
        try await unary(.getMessage, GetMessageRequest(sid: sid), options)
    }

    /// Cancels a scheduled message that has not been sent yet.
    public func cancelMessage(sid: String, options: RPCCallOptions? = nil) async throws -> Message {
        try await unary(.cancelMessage, CancelMessageRequest(sid: sid), options)
    }

    /// Sends one message to each recipient and streams each result as it completes, with the
    /// totals so far. Ending the iteration early cancels the call, which stops sending.
    public func bulkSendSms(
        _ request: BulkSendSmsRequest,
        options: RPCCallOptions? = nil
    ) -> AsyncThrowingStream<BulkSendSmsUpdate, any Error> {
        serverStreaming(.bulkSendSms, request, options)
    }
}
