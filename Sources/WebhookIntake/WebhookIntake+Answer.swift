internal import GatewayServices
internal import GatewayStore
internal import HTTPServer

extension WebhookIntake {
    /// Starts waiting on the reply board for a consumer's TwiML, before the event is stored and
    /// published, so that a reply that comes back very fast still finds the webhook waiting.
    ///
    /// Waits only for inbound calls and messages, and only while a consumer of that type is
    /// connected (``Configuration/hasResponder``); `nil` otherwise.
    func startWaitingForReply(to event: GatewayEvent) -> Task<String?, Never>? {
        let sid: String?
        let window: Duration
        switch event.type {
        case .callInbound:
            (sid, window) = (event.callSID, configuration.voiceAnswerWindow)
        case .smsInbound:
            (sid, window) = (event.messageSID, configuration.smsAnswerWindow)
        default:
            return nil
        }
        guard let sid, configuration.hasResponder(event.type) else {
            return nil
        }
        let board = replyBoard
        // An immediate task runs on this thread up to its first suspension, which comes only
        // after the board has registered the waiter.
        return Task.immediate { await board.awaitReply(for: sid, within: window) }
    }

    /// The 2xx for a stored webhook: TwiML for inbound calls and messages, 204 otherwise.
    func answer(_ event: GatewayEvent, reply: Task<String?, Never>?) async -> HTTPResponse {
        let twiml = await withTaskCancellationHandler {
            await reply?.value
        } onCancel: {
            reply?.cancel()
        }
        switch event.type {
        case .callInbound:
            return .xml(twiml ?? configuration.voiceAnswers.twiml(forCalled: event.to))
        case .smsInbound:
            return .xml(twiml ?? Self.emptyMessagingResponse)
        default:
            return HTTPResponse(status: .noContent)
        }
    }
}
