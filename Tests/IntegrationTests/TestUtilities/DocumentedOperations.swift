/// The SMS operations of the Twilio integration's documentation, exactly as written there.
enum DocumentedOperations {
    /// "Sending an SMS", from a single number.
    static let sendSms = """
        mutation {
          twilio_sendSms(input: {
            to: "+15551234567"
            from: "+15557654321"
            body: "Your code is 123456"
          }) {
            sid
            status
          }
        }
        """

    /// The Messaging Service variant, with `messagingServiceSID` in place of the documented `MG...`.
    static func sendSmsThroughMessagingService(_ messagingServiceSID: String) -> String {
        """
        mutation {
          twilio_sendSms(input: {
            to: "+15551234567"
            messagingServiceSid: "\(messagingServiceSID)"
            body: "Welcome to Yourapp"
          }) {
            sid
            status
          }
        }
        """
    }

    /// What a message SID looks like: `SM` and 32 lowercase hex digits.
    static func isMessageSID(_ sid: String) -> Bool {
        sid.wholeMatch(of: /SM[0-9a-f]{32}/) != nil
    }
}
