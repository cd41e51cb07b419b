/// Webhook parameters in the shapes Twilio sends them (from shared/reference/twilio-api.md §6).
enum Webhooks {
    static let number = "+15005550006"
    static let person = "+14155550100"
    static let messagingService = "MG0123456789abcdef0123456789abcdef"

    /// An inbound message from ``person`` to ``number``.
    static func inboundSMS(sid: String = "SM00112233445566778899aabbccddeeff", body: String = "Hello there")
        -> [(name: String, value: String)]
    {
        [
            ("ToCountry", "US"), ("SmsMessageSid", sid), ("NumMedia", "0"), ("ToCity", ""), ("SmsSid", sid),
            ("SmsStatus", "received"), ("Body", body), ("To", number), ("MessagingServiceSid", messagingService),
            ("NumSegments", "1"), ("MessageSid", sid), ("AccountSid", IntakeHarness.accountSID), ("From", person),
            ("ApiVersion", "2010-04-01"),
        ]
    }

    /// A message status callback.
    static func messageStatus(
        sid: String = "SM00112233445566778899aabbccddeeff",
        status: String,
        errorCode: String? = nil
    ) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = [
            ("SmsSid", sid), ("SmsStatus", status), ("MessageStatus", status), ("To", person), ("MessageSid", sid),
            ("AccountSid", IntakeHarness.accountSID), ("From", number), ("ApiVersion", "2010-04-01"),
        ]
        if let errorCode {
            fields.append(("ErrorCode", errorCode))
        }
        return fields
    }

    /// An inbound call from ``person`` to `to`.
    static func inboundCall(sid: String = "CA00112233445566778899aabbccddeeff", to: String = number)
        -> [(name: String, value: String)]
    {
        [
            ("CallSid", sid), ("AccountSid", IntakeHarness.accountSID), ("From", person), ("To", to),
            ("CallStatus", "ringing"), ("ApiVersion", "2010-04-01"), ("Direction", "inbound"), ("Caller", person),
            ("Called", to),
        ]
    }

    /// A call status callback.
    static func callStatus(sid: String = "CA00112233445566778899aabbccddeeff", status: String)
        -> [(name: String, value: String)]
    {
        [
            ("CallSid", sid), ("AccountSid", IntakeHarness.accountSID), ("From", number), ("To", person),
            ("CallStatus", status), ("Direction", "outbound-api"), ("CallbackSource", "call-progress-events"),
            ("SequenceNumber", "0"),
        ]
    }
}
