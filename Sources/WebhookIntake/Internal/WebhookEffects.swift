internal import GatewayStore

/// What a stored webhook changes besides the log: the latest status of its message or call,
/// and opt-outs, each opt-out or opt-in also stored as an event of its own.
///
/// An opt-out through a number of a Messaging Service is recorded for the service and for the
/// number itself, since Twilio blocks the number's messages however they are sent; an opt-in
/// lifts both.
///
/// Every effect is idempotent, and it is applied again when Twilio retries a webhook that is
/// already in the log (a crash may have come between storing the event and its effects), so
/// nothing is lost whichever instant the process dies at. The 2xx goes back only after all of
/// them.
struct WebhookEffects: Sendable {
    /// Twilio's error code for a send to a number that replied STOP.
    static let optedOutErrorCode = "21610"

    let store: GatewayStore
    let eventLog: any EventLog

    /// Applies the effects of `event`, stored at `offset`.
    ///
    /// - Throws: ``WebhookRejection`` (503) when the store or the log refuses; the webhook is
    ///   then retried by Twilio and the effects applied again.
    func apply(_ event: GatewayEvent, storedAt offset: Int64) async throws(WebhookRejection) {
        do {
            switch event.type {
            case .messageStatus:
                try recordStatus(of: event, in: store.messageStatuses, sid: event.messageSID)
                try await applyOptedOutError(of: event, storedAt: offset)
            case .callStatus:
                try recordStatus(of: event, in: store.callStatuses, sid: event.callSID)
            case .smsInbound:
                try await applyKeyword(of: event, storedAt: offset)
            default:
                break
            }
        } catch let error as GatewayStoreError {
            throw .unavailable("the webhook is stored but its effects are not (\(error.code)); retry later")
        } catch let error as EventLogError {
            throw .unavailable("the webhook is stored but its opt-out event is not (\(error.code)); retry later")
        } catch {
            throw .unavailable("the webhook is stored but its effects are not; retry later")
        }
    }

    private func recordStatus(of event: GatewayEvent, in statuses: LatestStatuses, sid: String?) throws {
        guard let sid, let status = event.status else {
            return
        }
        _ = try statuses.record(status, for: sid)
    }

    /// Opts the recipient out when Twilio refused the message with 21610: it had replied STOP
    /// to the sender (or its Messaging Service), maybe before the gateway was watching.
    private func applyOptedOutError(of event: GatewayEvent, storedAt offset: Int64) async throws {
        guard Self.value("ErrorCode", in: event) == Self.optedOutErrorCode, let to = event.to,
            event.from != nil || service(of: event) != nil
        else {
            return
        }
        let scopes = Self.scopes(number: event.from, service: service(of: event))
        for scope in scopes {
            try store.optOuts.optOut(to, scope: scope, reason: .twilioError21610)
        }
        try await appendDerived(.optOut, number: to, scopes: scopes, reason: .twilioError21610, event, offset)
    }

    /// Opts the sender out or back in when the whole body is one of Twilio's keywords.
    private func applyKeyword(of event: GatewayEvent, storedAt offset: Int64) async throws {
        guard let from = event.from, let to = event.to else {
            return
        }
        let scopes = Self.scopes(number: to, service: service(of: event))
        switch OptOutKeywords.classify(Self.value("Body", in: event) ?? "") {
        case .optOut(let keyword):
            let reason = OptOutReason.keyword(keyword)
            for scope in scopes {
                try store.optOuts.optOut(from, scope: scope, reason: reason)
            }
            try await appendDerived(.optOut, number: from, scopes: scopes, reason: reason, event, offset)
        case .optIn(let keyword):
            for scope in scopes {
                try store.optOuts.optIn(from, scope: scope)
            }
            try await appendDerived(.optIn, number: from, scopes: scopes, reason: .keyword(keyword), event, offset)
        case .none:
            break
        }
    }

    /// The scopes an opt-out through the account's `number` covers: its Messaging Service's,
    /// when it has one, then the number's own.
    private static func scopes(number: String?, service: String?) -> [OptOutScope] {
        var scopes: [OptOutScope] = []
        if let service {
            scopes.append(.messagingService(service))
        }
        if let number, !number.isEmpty {
            scopes.append(.sender(number))
        }
        return scopes
    }

    /// Stores the `optout` or `optin` event that `source` caused.
    ///
    /// Its parameters are the gateway's own (`Number`, a `Scope` per scope, `Reason`,
    /// `SourceType`, `SourceOffset`) followed by the source's identifying ones; its dedupe key
    /// is the source's with `/optout` or `/optin` added, so a retried webhook stores it once.
    private func appendDerived(
        _ type: EventType,
        number: String,
        scopes: [OptOutScope],
        reason: OptOutReason,
        _ source: GatewayEvent,
        _ sourceOffset: Int64
    ) async throws(EventLogError) {
        let copied: Set<String> = ["MessageSid", "SmsSid", "AccountSid", "From", "To", "MessagingServiceSid"]
        let parameters =
            [EventParameter("Number", number)] + scopes.map { EventParameter("Scope", $0.rawValue) }
            + [
                EventParameter("Reason", reason.rawValue), EventParameter("SourceType", source.type.rawValue),
                EventParameter("SourceOffset", String(sourceOffset)),
            ] + source.parameters.filter { copied.contains($0.name) }
        let derived = GatewayEvent(
            type: type,
            receivedAt: source.receivedAt,
            messageSID: source.messageSID,
            accountSID: source.accountSID,
            from: source.from,
            to: source.to,
            dedupeKey: (source.dedupeKey ?? "offset:\(sourceOffset)") + "/" + type.rawValue,
            parameters: parameters
        )
        _ = try await eventLog.append(derived)
    }

    private func service(of event: GatewayEvent) -> String? {
        Self.value("MessagingServiceSid", in: event)
    }

    private static func value(_ name: String, in event: GatewayEvent) -> String? {
        event.parameters.first { $0.name == name && !$0.value.isEmpty }?.value
    }
}
