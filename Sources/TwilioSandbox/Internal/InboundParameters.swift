internal import ServiceSupport
internal import TwilioREST

/// The parameters of Twilio's inbound webhooks (shared/reference/twilio-api.md §6.2, §6.4), in
/// the order Twilio sends them; the geographic fields are sent empty, as Twilio often does.
enum InboundParameters {
    /// An inbound message to `to`.
    static func message(
        sid: String,
        account: SandboxAccount,
        from: String,
        to: String,
        body: String,
        messagingServiceSID: String?
    ) -> [FormField] {
        var fields = [
            FormField("ToCountry", ""), FormField("ToState", ""), FormField("SmsMessageSid", sid),
            FormField("NumMedia", "0"), FormField("ToCity", ""), FormField("FromZip", ""), FormField("SmsSid", sid),
            FormField("FromState", ""), FormField("SmsStatus", "received"), FormField("FromCity", ""),
            FormField("Body", body), FormField("FromCountry", ""), FormField("To", to),
        ]
        if let messagingServiceSID {
            fields.append(FormField("MessagingServiceSid", messagingServiceSID))
        }
        fields += [
            FormField("ToZip", ""), FormField("NumSegments", String(max(1, SMSSegments(measuring: body).count))),
            FormField("MessageSid", sid), FormField("AccountSid", account.sid), FormField("From", from),
            FormField("ApiVersion", "2010-04-01"),
        ]
        return fields
    }

    /// An inbound call to `to` in `status` (`ringing` for the first request).
    static func call(sid: String, account: SandboxAccount, from: String, to: String, status: String) -> [FormField] {
        [
            FormField("Called", to), FormField("ToState", ""), FormField("CallerCountry", ""),
            FormField("Direction", "inbound"), FormField("CallerState", ""), FormField("ToZip", ""),
            FormField("CallSid", sid), FormField("To", to), FormField("CallerZip", ""), FormField("ToCountry", ""),
            FormField("ApiVersion", "2010-04-01"), FormField("CalledZip", ""), FormField("CallStatus", status),
            FormField("CalledCity", ""), FormField("From", from), FormField("AccountSid", account.sid),
            FormField("CalledCountry", ""), FormField("CallerCity", ""), FormField("ToCity", ""),
            FormField("FromCountry", ""), FormField("Caller", from), FormField("FromCity", ""),
            FormField("CalledState", ""), FormField("FromZip", ""), FormField("FromState", ""),
        ]
    }
}
