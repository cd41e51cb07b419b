extension GatewayEvent {
    /// Creates the event of a webhook, taking the typed fields from Twilio's parameter names.
    ///
    /// `MessageSid` (or `SmsSid`), `CallSid`, `AccountSid`, `From` and `To` fill the identifiers;
    /// the status is `MessageStatus`, `SmsStatus`, `CallStatus` or `Status`, the first present.
    /// When a name repeats, its first value counts. Empty values count as absent.
    ///
    /// - Parameters:
    ///   - type: What the webhook reports.
    ///   - receivedAt: When it arrived, in seconds since 1970.
    ///   - dedupeKey: Its `I-Twilio-Idempotency-Token` header, if any.
    ///   - webhookParameters: Its form fields (or JSON members), in order.
    public init(type: EventType, receivedAt: Double, dedupeKey: String?, webhookParameters: [EventParameter]) {
        var first: [String: String] = [:]
        for parameter in webhookParameters where !parameter.value.isEmpty && first[parameter.name] == nil {
            first[parameter.name] = parameter.value
        }
        self.init(
            type: type,
            receivedAt: receivedAt,
            messageSID: first["MessageSid"] ?? first["SmsSid"],
            callSID: first["CallSid"],
            accountSID: first["AccountSid"],
            from: first["From"],
            to: first["To"],
            status: first["MessageStatus"] ?? first["SmsStatus"] ?? first["CallStatus"] ?? first["Status"],
            dedupeKey: dedupeKey,
            parameters: webhookParameters
        )
    }
}
