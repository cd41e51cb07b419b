import GatewayServices
import Testing
import TwilioREST
import TwilioSandbox

@Suite("The Twilio readiness probe against the sandbox")
struct ReadinessAgainstSandboxTests {
    private static func client(_ sandbox: TwilioSandbox, token: String) throws -> TwilioClient {
        var configuration = TwilioConfiguration()
        configuration.apiBaseURL = try #require(sandbox.baseURL)
        return try TwilioClient(
            configuration: configuration,
            credentials: StaticCredentialSource(TwilioCredentials(accountSID: sandbox.account.sid, authToken: token))
        )
    }

    @Test("the sandbox's account makes the gateway ready; a wrong token names 20003 and the variables to fix")
    func probe() async throws {
        let sandbox = try TwilioSandbox(configuration: MessagingHarness.configuration(timings: .frozen))
        try sandbox.start()
        defer { sandbox.stop() }

        let good = await ReadinessCheck.twilio(
            try Self.client(sandbox, token: sandbox.account.authToken),
            timeout: .seconds(5)
        )()
        let bad = await ReadinessCheck.twilio(try Self.client(sandbox, token: "wrong"), timeout: .seconds(5))()

        #expect(good == .ready("Twilio answered for account \(sandbox.account.sid)"))
        #expect(!bad.isReady)
        #expect(bad.detail.contains("error 20003"), "\(bad.detail)")
        #expect(bad.detail.contains("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN"), "\(bad.detail)")
        #expect(
            sandbox.receivedRequests.map(\.path)
                == Array(repeating: "/2010-04-01/Accounts/\(sandbox.account.sid).json", count: 2)
        )
    }
}
