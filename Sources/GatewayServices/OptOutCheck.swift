internal import GatewayAPI
internal import GatewayStore
internal import RPCCore
internal import ServiceSupport

/// The send path's look at the store's opt-outs: a message to a number that opted out of its
/// sender (or Messaging Service) fails at once, as Twilio would fail it with 21610, without a
/// request to Twilio.
///
/// When the store cannot answer, the send goes ahead and a warning is logged: Twilio enforces
/// its own opt-outs, so the worst case is Twilio's 21610 instead of the gateway's.
struct OptOutCheck: Sendable {
    /// Twilio's code for a send to a number that replied STOP.
    static let twilioCode: Int32 = 21610

    let store: GatewayStore?
    let logger: Logger

    /// The error for a send to `to` that an opt-out blocks, or `nil` when it may be sent.
    func refusal(to: String, from: String?, messagingServiceSID: String?) -> RPCError? {
        guard let store, !to.isEmpty else {
            return nil
        }
        let scopes = OptOutScope.outbound(from: from, messagingServiceSID: messagingServiceSID)
        let record: OptOutRecord?
        do {
            record = try store.optOuts.blocking(to, in: scopes)
        } catch {
            logger.warning("messaging.optout.check_failed", ["to": Redaction.phoneNumber(to), "error": "\(error)"])
            return nil
        }
        guard let record else {
            return nil
        }
        let message =
            "\(Redaction.phoneNumber(to)) opted out of messages from this sender (\(record.reason)); "
            + "it must text START to opt back in"
        return RPCError(
            code: .failedPrecondition,
            message: "Twilio error 21610 (from the gateway's opt-out list): " + message,
            details: ErrorDetails(
                twilioCode: Self.twilioCode,
                twilioMessage: "Attempt to send to unsubscribed recipient",
                moreInfo: "https://www.twilio.com/docs/errors/21610",
                retryable: false
            )
        )
    }
}
