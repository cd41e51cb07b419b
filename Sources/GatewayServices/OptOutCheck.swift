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
    /// The opt-outs of every scope a bulk send uses, read once before it starts, so that its
    /// recipients are checked in memory rather than with a query each.
    struct Snapshot: Sendable {
        private let records: [String: [OptOutRecord]]

        init(_ records: [OptOutRecord]) {
            self.records = Dictionary(grouping: records, by: \.number)
        }

        /// The error for a send to `to` from `from` or `messagingServiceSID`, or `nil`.
        func refusal(to: String, from: String?, messagingServiceSID: String?) -> RPCError? {
            let scopes = Set(OptOutScope.outbound(from: from, messagingServiceSID: messagingServiceSID))
            return records[to]?.first { scopes.contains($0.scope) }.map { OptOutCheck.error(to: to, record: $0) }
        }
    }

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
        do {
            return try store.optOuts.blocking(to, in: scopes).map { Self.error(to: to, record: $0) }
        } catch {
            logger.warning("messaging.optout.check_failed", ["to": Redaction.phoneNumber(to), "error": "\(error)"])
            return nil
        }
    }

    /// The opt-outs that may block sends from any of `senders` or `messagingServiceSID`.
    func snapshot(senders: [String], messagingServiceSID: String?) -> Snapshot {
        guard let store else {
            return Snapshot([])
        }
        let scopes =
            senders.flatMap { OptOutScope.outbound(from: $0, messagingServiceSID: nil) }
            + OptOutScope.outbound(from: nil, messagingServiceSID: messagingServiceSID)
        do {
            return Snapshot(try store.optOuts.records(in: scopes))
        } catch {
            logger.warning("messaging.optout.check_failed", ["error": "\(error)"])
            return Snapshot([])
        }
    }

    /// FAILED_PRECONDITION with Twilio's code 21610, naming the number masked.
    static func error(to: String, record: OptOutRecord) -> RPCError {
        let message =
            "\(Redaction.phoneNumber(to)) opted out of messages from this sender (\(record.reason)); "
            + "it must text START to opt back in"
        return RPCError(
            code: .failedPrecondition,
            message: "Twilio error 21610 (from the gateway's opt-out list): " + message,
            details: ErrorDetails(
                twilioCode: twilioCode,
                twilioMessage: "Attempt to send to unsubscribed recipient",
                moreInfo: "https://www.twilio.com/docs/errors/21610",
                retryable: false
            )
        )
    }
}
