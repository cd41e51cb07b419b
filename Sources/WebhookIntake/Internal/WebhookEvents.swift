internal import GatewayStore

/// Turns a verified webhook's parameters into the event the log stores: its type, Twilio's
/// identifiers as typed fields, and every parameter.
enum WebhookEvents {
    /// The event for a webhook to `endpoint`.
    ///
    /// - `sms` needs `MessageSid` (or `SmsSid`), `voice` needs `CallSid`.
    /// - `status` is `message.status` with `MessageSid` and `MessageStatus` (or `SmsStatus`),
    ///   `call.status` with `CallSid` and `CallStatus`, and refused otherwise.
    /// - `verify` takes Verify's own names too: `account_sid` and `status`.
    ///
    /// - Throws: ``WebhookRejection`` (400) naming what a webhook of that kind lacks.
    static func event(
        for endpoint: WebhookEndpoint,
        parameters: [EventParameter],
        dedupeKey: String?,
        receivedAt: Double
    ) throws(WebhookRejection) -> GatewayEvent {
        var event = GatewayEvent(
            type: endpoint.eventType,
            receivedAt: receivedAt,
            dedupeKey: dedupeKey,
            webhookParameters: parameters
        )
        func has(_ names: String...) -> Bool {
            parameters.contains { names.contains($0.name) && !$0.value.isEmpty }
        }

        switch endpoint {
        case .sms:
            guard event.messageSID != nil else {
                throw .badRequest("an inbound message webhook needs MessageSid (or SmsSid)")
            }
        case .voice:
            guard event.callSID != nil else {
                throw .badRequest("an inbound call webhook needs CallSid")
            }
        case .status:
            if event.messageSID != nil, has("MessageStatus", "SmsStatus") {
                event.type = .messageStatus
            } else if event.callSID != nil, has("CallStatus") {
                event.type = .callStatus
            } else {
                throw .badRequest(
                    "a status callback needs MessageSid with MessageStatus (or SmsStatus), or CallSid with CallStatus"
                )
            }
        case .verify:
            event.accountSID = event.accountSID ?? first("account_sid", in: parameters)
            event.status = event.status ?? first("status", in: parameters)
        }
        return event
    }

    /// The dedupe key of a webhook: Twilio's `I-Twilio-Idempotency-Token`, or for a Verify
    /// webhook without one its `uuid` (Verify's own unique id of the webhook).
    static func dedupeKey(token: String?, endpoint: WebhookEndpoint, parameters: [EventParameter]) -> String? {
        if let token, !token.isEmpty {
            return token
        }
        guard endpoint == .verify, let uuid = first("uuid", in: parameters) else {
            return nil
        }
        return "verify-uuid:" + uuid
    }

    private static func first(_ name: String, in parameters: [EventParameter]) -> String? {
        parameters.first { $0.name == name && !$0.value.isEmpty }?.value
    }
}
