public import GatewayStore
public import ServiceSupport

/// Remembers a recipient that Twilio refused with 21610 (it had replied STOP to the sender,
/// perhaps before the gateway was watching) and publishes an `optout` event for it, so that
/// later sends fail fast at the gateway and consumers learn of it as they would of a STOP.
public struct TwilioOptOutRecorder: Sendable {
    private let store: GatewayStore
    private let log: any EventLog
    private let logger: Logger
    private let clock: @Sendable () -> Double

    /// Creates a recorder that writes to `store`'s opt-outs and appends to `log`.
    public init(
        store: GatewayStore,
        log: any EventLog,
        logger: Logger,
        clock: @escaping @Sendable () -> Double = { Timestamp.now() }
    ) {
        self.store = store
        self.log = log
        self.logger = logger
        self.clock = clock
    }

    /// Records that a send to `to` from `from` or `messagingServiceSID` was refused with 21610.
    ///
    /// Failures are logged, not thrown: the send has failed either way, and Twilio keeps
    /// refusing until the person opts back in.
    public func record(to: String, from: String?, messagingServiceSID: String?, accountSID: String?) async {
        var scopes: [OptOutScope] = []
        if let messagingServiceSID, !messagingServiceSID.isEmpty {
            scopes.append(.messagingService(messagingServiceSID))
        }
        if let from, !from.isEmpty {
            scopes.append(.sender(from))
        }
        guard !to.isEmpty, !scopes.isEmpty else {
            return
        }
        do {
            var newlyOptedOut = false
            for scope in scopes {
                newlyOptedOut = try store.optOuts.optOut(to, scope: scope, reason: .twilioError21610) || newlyOptedOut
            }
            guard newlyOptedOut else {
                return
            }
            let parameters =
                [EventParameter("Number", to)] + scopes.map { EventParameter("Scope", $0.rawValue) } + [
                    EventParameter("Reason", OptOutReason.twilioError21610.rawValue),
                    EventParameter("SourceType", "send.refused"),
                ]
            _ = try await log.append(
                GatewayEvent(
                    type: .optOut,
                    receivedAt: clock(),
                    accountSID: accountSID,
                    from: from,
                    to: to,
                    parameters: parameters
                )
            )
        } catch {
            logger.warning(
                "messaging.optout.record_failed",
                ["to": Redaction.phoneNumber(to), "error": String(describing: error)]
            )
        }
    }
}
