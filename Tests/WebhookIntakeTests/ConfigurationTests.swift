import Testing
import WebhookIntake

@Suite("Webhook settings")
struct ConfigurationTests {
    @Test(
        "public base URLs keep scheme, host, port and prefix, without a trailing slash",
        arguments: [
            ("https://gw.example.com", "https://gw.example.com"),
            ("https://gw.example.com/", "https://gw.example.com"),
            ("http://127.0.0.1:8080/prefix/", "http://127.0.0.1:8080/prefix"),
            ("HTTPS://GW.example.com:8443/a/b", "HTTPS://GW.example.com:8443/a/b"),
        ]
    )
    func baseURLs(text: String, kept: String) throws {
        let base = try WebhookBaseURL(text)
        #expect(base.text == kept)
        #expect(base.url(of: .sms) == kept + "/webhooks/twilio/sms")
        #expect(base.url(path: "/webhooks/twilio/status", query: "a=%20b") == kept + "/webhooks/twilio/status?a=%20b")
    }

    @Test(
        "unusable public base URLs are refused with a reason",
        arguments: [
            "gw.example.com", "ftp://gw.example.com", "https://", "https://:443/x", "https://gw.example.com/?a=1",
            "https://gw.example.com/#top", "https://user@gw.example.com", "https://gw example.com",
        ]
    )
    func badBaseURLs(text: String) {
        #expect(throws: WebhookConfigurationError.self) { try WebhookBaseURL(text) }
    }

    @Test(
        "TwiML documents must be a Response",
        arguments: [
            ("<Response/>", true), ("<Response></Response>", true),
            ("  <Response>\n<Say>Hi</Say>\n</Response>\n", true),
            (#"<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>"#, true),
            (#"<Response voice="alice"><Say>Hi</Say></Response>"#, true),
            ("<Say>Hi</Say>", false), ("<Responses></Responses>", false), ("<Response>", false), ("", false),
            ("<?xml version=\"1.0\"<Response/>", false), ("<Response/><Response/>", false),
        ]
    )
    func twimlShape(twiml: String, valid: Bool) {
        #expect(((try? VoiceAnswers(defaultTwiML: twiml)) != nil) == valid)
    }

    @Test("a per-number document and its number are checked too")
    func perNumberChecked() {
        #expect(throws: WebhookConfigurationError.self) {
            try VoiceAnswers(twimlByNumber: ["+15005550006": "<Say>Hi</Say>"])
        }
        #expect(throws: WebhookConfigurationError.self) {
            try VoiceAnswers(twimlByNumber: ["": "<Response/>"])
        }
        #expect(throws: WebhookConfigurationError.self) {
            try VoiceAnswers(defaultTwiML: "<Response>" + String(repeating: " ", count: 70_000) + "</Response>")
        }
    }

    @Test("answer windows must fit inside Twilio's 15 seconds", arguments: [0.0, -1.0, 14.5, 20.0])
    func windows(seconds: Double) throws {
        let base = try WebhookBaseURL("https://gw.example.com")
        var configuration = WebhookIntake.Configuration(publicBaseURL: { base })
        configuration.voiceAnswerWindow = .milliseconds(Int64(seconds * 1000))
        #expect(throws: WebhookConfigurationError.self) { try configuration.validate() }
        configuration.voiceAnswerWindow = .seconds(14)
        try configuration.validate()
    }
}
