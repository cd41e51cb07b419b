@testable internal import TwilioREST

extension Fixtures {
    static let callSID = "CA00112233445566778899aabbccddeeff"
    static let callsPath = "/2010-04-01/Accounts/\(accountSID)/Calls.json"
    static let callPath = "/2010-04-01/Accounts/\(accountSID)/Calls/\(callSID).json"

    /// A Call body shaped like twilio-api.md §3.4, as Twilio answers a create.
    static let queuedCallJSON = """
        {"account_sid":"AC0123456789abcdef0123456789abcdef","annotation":null,"answered_by":null,
         "api_version":"2010-04-01","caller_name":null,"date_created":"Wed, 01 Jan 2025 12:00:00 +0000",
         "date_updated":"Wed, 01 Jan 2025 12:00:00 +0000","direction":"outbound-api","duration":null,
         "end_time":null,"forwarded_from":null,"from":"+15005550006","from_formatted":"(500) 555-0006",
         "group_sid":null,"parent_call_sid":null,"phone_number_sid":null,"price":null,"price_unit":"USD",
         "queue_time":"0","sid":"CA00112233445566778899aabbccddeeff","start_time":null,"status":"queued",
         "subresource_uris":{"recordings":"/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls/CA00112233445566778899aabbccddeeff/Recordings.json"},
         "to":"+14155550100","to_formatted":"(415) 555-0100","trunk_sid":null,
         "uri":"/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls/CA00112233445566778899aabbccddeeff.json"}
        """

    /// The same call after it was answered and hung up.
    static let completedCallJSON = """
        {"account_sid":"AC0123456789abcdef0123456789abcdef","answered_by":"human","api_version":"2010-04-01",
         "date_created":"Wed, 01 Jan 2025 12:00:00 +0000","date_updated":"Wed, 01 Jan 2025 12:01:00 +0000",
         "direction":"outbound-api","duration":"49","end_time":"Wed, 01 Jan 2025 12:01:00 +0000",
         "from":"+15005550006","price":"-0.03000","price_unit":"USD","sid":"CA00112233445566778899aabbccddeeff",
         "start_time":"Wed, 01 Jan 2025 12:00:11 +0000","status":"completed","to":"+14155550100"}
        """
}
