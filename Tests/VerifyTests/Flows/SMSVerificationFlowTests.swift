import GatewayAPI
import GatewayClient
import GraphQL
import Testing
import TwilioREST
import TwilioSandbox

/// A whole SMS verification as an app would run it through GraphQL, with the code a developer
/// reads from the sandbox's inbox endpoint.
@Suite("SMS verification flow")
struct SMSVerificationFlowTests {
    @Test("start, a wrong code, the right code from the inbox, approved, and a later check is 20404")
    func flow() async throws {
        try await VerifyHarness.with { harness in
            let service = VerifyHarness.serviceSID
            let started = await harness.graphQL(
                """
                mutation {
                  twilio_startVerification(input: {
                    serviceSid: "\(service)"
                    to: "+15551234567"
                    channel: "sms"
                  }) {
                    sid
                    status
                  }
                }
                """
            )
            #expect(started.data?["twilio_startVerification"]?["status"] == "pending")

            let account = VerifyHarness.account
            let inbox = try await InboxReader.read(
                "+15551234567",
                baseURL: harness.baseURL,
                user: account.sid,
                password: account.authToken
            ).json()
            let text = try #require(inbox.deliveries.last?.body)
            let code = try #require(text.split(separator: " ").last.map(String.init))
            #expect(code.count == 6 && code.allSatisfy(\.isNumber))
            let wrong = code == "000000" ? "111111" : "000000"

            func check(_ code: String) async -> GraphQLResponseSummary {
                let response = await harness.graphQL(
                    """
                    mutation {
                      twilio_checkVerification(input: {
                        serviceSid: "\(service)"
                        to: "+15551234567"
                        code: "\(code)"
                      }) {
                        valid
                        status
                      }
                    }
                    """
                )
                return GraphQLResponseSummary(response, field: "twilio_checkVerification")
            }

            #expect(await check(wrong) == .data(valid: false, status: "pending"))
            #expect(await check(code) == .data(valid: true, status: "approved"))
            harness.clock.advance(by: 30)
            #expect(await check(code) == .error(code: "NOT_FOUND", twilioCode: 20404))
        }
    }
}
