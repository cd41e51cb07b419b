internal import GatewayAPI
internal import GatewayClient
internal import RPCCore

/// What `events --follow` does: prints the stream until Ctrl-C (or SIGTERM), the limit, the
/// deadline or the gateway ends it, acknowledging what it printed for a consumer.
struct EventFollower {
    var client: GatewayClient
    var json: Bool

    /// Streams, prints and acknowledges.
    ///
    /// - Returns: 0 when the stream ended by a signal, the limit or the deadline; 1 when the
    ///   gateway ended it with an error or an acknowledgement failed.
    func follow(_ request: SubscribeEventsRequest, limit: Int?, options: RPCCallOptions) async -> Int32 {
        let acknowledger =
            request.consumer.isEmpty ? nil : EventAcknowledger(client: client, consumer: request.consumer)
        let client = self.client
        let json = self.json
        let streaming = Task {
            var printed = 0
            for try await event in client.subscribeEvents(request, options: options) {
                EventsCommand.printLine(event, json: json)
                acknowledger?.acknowledge(event.offset)
                printed += 1
                if let limit, printed >= limit {
                    return
                }
            }
        }
        let interruption = Task {
            if await TerminationSignal.waitUnlessCancelled() != nil {
                streaming.cancel()
            }
        }

        let result = await streaming.result
        interruption.cancel()
        await interruption.value
        let acknowledgement = await acknowledger?.finish()

        if case .failure(let error) = result {
            let rpcError = RPCError(wrapping: error)
            if rpcError.code != .deadlineExceeded, rpcError.code != .cancelled {
                CommandOutput.report(rpcError, json: json)
                return 1
            }
        }
        if let acknowledgement {
            CommandOutput.report(acknowledgement, json: json)
            return 1
        }
        return 0
    }
}
