import ServiceSupport
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
        #expect(keyed.basicAuthentication.user == "SK456")
        #expect(keyed.basicAuthentication.password == SecretBytes("key-secret-value"))
        #expect(keyed.accountSID == "AC123")
        #expect(credentials.basicAuthentication.user == "AC123")
        #expect(credentials.basicAuthentication.password == SecretBytes("very-secret-token"))
    }

    @Test("the secrets are held as SecretBytes, readable only inside a closure")
    func secretsAreBytes() throws {
        let keyed = TwilioCredentials(accountSID: "AC123", apiKeySID: "SK456", apiKeySecret: "key-secret-value")
        let secret = try #require(keyed.apiKeySecret)

        #expect(secret.withUnsafeBytes { Array($0) } == Array("key-secret-value".utf8))
        #expect(keyed.authToken.isEmpty)
        #expect("\(secret)" == "***")
    }

    @Test("credentials made from vault bytes equal those made from the same text")
    func fromBytes() {
        let token = Array("very-secret-token".utf8).withUnsafeBytes { SecretBytes(copying: $0) }
        #expect(TwilioCredentials(accountSID: "AC123", authToken: token) == credentials)
        #expect(TwilioCredentials(accountSID: "AC123", authToken: "other-token") != credentials)
    }

    @Test("wiping the token after the request leaves no trace in what the credentials print")
    func wipedTokenStaysMasked() {
        let local = TwilioCredentials(accountSID: "AC123", authToken: "very-secret-token")
        local.authToken.wipe()
        var output = ""
        dump(local, to: &output)

        #expect(local.authToken.withUnsafeBytes { $0.allSatisfy { $0 == 0 } })
        #expect(!output.contains("very-secret-token"))
        #expect(local.description == "TwilioCredentials(accountSID: AC123, authToken: ***)")
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
