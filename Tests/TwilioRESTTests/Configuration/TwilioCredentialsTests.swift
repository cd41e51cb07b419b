import Testing
import TwilioREST

@Suite("TwilioCredentials")
struct TwilioCredentialsTests {
    let credentials = TwilioCredentials(accountSID: "AC123", authToken: "very-secret-token")

    @Test("printing credentials hides the auth token")
    func descriptionHidesToken() {
        #expect(credentials.description == "TwilioCredentials(accountSID: AC123, authToken: ***)")
        #expect(String(reflecting: credentials) == credentials.description)
        #expect(!"\(StaticCredentialSource(credentials))".contains("very-secret-token"))
    }

    @Test("dumping credentials hides the auth token")
    func dumpHidesToken() {
        var output = ""
        dump(credentials, to: &output)

        #expect(output.contains("AC123"))
        #expect(!output.contains("very-secret-token"))
    }

    @Test("the static source returns its credentials")
    func staticSource() async throws {
        #expect(try await StaticCredentialSource(credentials).credentials() == credentials)
    }
}
