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

    @Test("with an API key, Basic authentication is the key and its secret; the token only without one")
    func apiKeyAuthentication() {
        let keyed = TwilioCredentials(
            accountSID: "AC123",
            apiKeySID: "SK456",
            apiKeySecret: "key-secret-value",
            authToken: "very-secret-token"
        )
        #expect(keyed.basicAuthentication == ("SK456", "key-secret-value"))
        #expect(keyed.accountSID == "AC123")
        #expect(credentials.basicAuthentication == ("AC123", "very-secret-token"))
    }

    @Test("printing or dumping credentials with an API key hides its secret and the token")
    func apiKeyHidden() {
        let keyed = TwilioCredentials(accountSID: "AC123", apiKeySID: "SK456", apiKeySecret: "key-secret-value")
        #expect(
            keyed.description
                == "TwilioCredentials(accountSID: AC123, authToken: ***, apiKeySID: SK456, apiKeySecret: ***)"
        )
        var output = ""
        dump(keyed, to: &output)
        #expect(output.contains("SK456"))
        #expect(!output.contains("key-secret-value"))
    }
}
