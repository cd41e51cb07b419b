import Testing
import TwilioREST

@Suite("TwilioConfiguration")
struct TwilioConfigurationTests {
    @Test("the defaults are Twilio's hosts and the documented timeouts and limits")
    func defaults() {
        let configuration = TwilioConfiguration()

        #expect(configuration.apiBaseURL == "https://api.twilio.com")
        #expect(configuration.verifyBaseURL == "https://verify.twilio.com")
        #expect(configuration.connectTimeout == .seconds(5))
        #expect(configuration.requestTimeout == .seconds(15))
        #expect(configuration.maximumResponseBodyBytes == 10 * 1024 * 1024)
    }

    @Test("the user agent follows the helper libraries' convention")
    func userAgent() {
        #expect(
            TwilioConfiguration.defaultUserAgent.hasPrefix(
                "twilio-gateway/\(TwilioConfiguration.gatewayVersion) (Linux "
            )
        )
        #expect(TwilioConfiguration.defaultUserAgent.hasSuffix(") Swift/6"))
    }
}
