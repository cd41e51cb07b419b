/// Made-up credentials and answers for gateways that talk to a recording server instead of Twilio.
enum TwilioFixtures {
    static let accountSID = "AC0123456789abcdef0123456789abcdef"
    static let authToken = "f00dfeedc0ffee0ddba11deadbeef123"
    static let messageSID = "SMfedcba9876543210fedcba9876543210"

    /// The path Twilio's Messages API takes a new message at.
    static let messagesPath = "/2010-04-01/Accounts/\(accountSID)/Messages.json"

    /// The environment of a live-mode gateway whose Twilio is at `baseURL`.
    static func environment(baseURL: String) -> [String: String] {
        ["TWILIO_ACCOUNT_SID": accountSID, "TWILIO_AUTH_TOKEN": authToken, "TWILIO_API_BASE_URL": baseURL]
    }

    /// A Message resource as Twilio returns it when it has queued one.
    static var queuedMessage: [String: Any] {
        [
            "sid": messageSID,
            "account_sid": accountSID,
            "to": "+15551234567",
            "from": "+15557654321",
            "body": "Your code is 123456",
            "status": "queued",
            "direction": "outbound-api",
            "num_segments": "1",
            "num_media": "0",
            "date_created": "Thu, 03 Dec 2026 12:00:00 +0000",
            "date_updated": "Thu, 03 Dec 2026 12:00:00 +0000",
            "uri": "/2010-04-01/Accounts/\(accountSID)/Messages/\(messageSID).json",
        ]
    }

    /// A recording server configuration that answers every request with `queuedMessage` after
    /// `stallSeconds`.
    static func answeringQueued(stallSeconds: Double = 0) -> [String: Any] {
        ["default": ["status": 201, "json": queuedMessage, "stall_seconds": stallSeconds] as [String: Any]]
    }
}
