import Testing
import TwilioREST
import TwilioSandbox

@Suite("The sandbox's Account resource")
struct AccountsResourceTests {
    private static func path(_ sid: String) -> String {
        "/2010-04-01/Accounts/\(sid).json"
    }

    @Test("GET answers the authenticated account with Twilio's fields and no auth token")
    func fetch() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            let responses = try await RESTScript.run(
                [.authenticated("GET", Self.path(fixedAccount.sid), as: (fixedAccount.sid, fixedAccount.authToken))],
                baseURL: try #require(sandbox.baseURL)
            )
            let response = try #require(responses.first)
            #expect(response.status == 200)
            #expect(response.headers["Content-Type"] == "application/json")
            let base = "/2010-04-01/Accounts/\(fixedAccount.sid)"
            #expect(
                response.body
                    == #"{"date_created":"Wed, 01 Jan 2025 12:00:00 +0000","date_updated":"Wed, 01 Jan 2025 12:00:00 +0000","#
                    + #""friendly_name":"Sandbox account","owner_account_sid":"\#(fixedAccount.sid)","#
                    + #""sid":"\#(fixedAccount.sid)","status":"active","#
                    + #""subresource_uris":{"calls":"\#(base)/Calls.json","messages":"\#(base)/Messages.json"},"#
                    + #""type":"Full","uri":"\#(base).json"}"#
            )
            #expect(!response.body.contains("auth_token"))
        }
    }

    @Test("a wrong token is 401/20003, another account's SID 404/20404, a POST 405")
    func refusals() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            let responses = try await RESTScript.run(
                [
                    .authenticated("GET", Self.path(fixedAccount.sid), as: (fixedAccount.sid, "wrong-token")),
                    .authenticated("GET", Self.path(otherAccount.sid), as: (fixedAccount.sid, fixedAccount.authToken)),
                    .authenticated("POST", Self.path(fixedAccount.sid), as: (fixedAccount.sid, fixedAccount.authToken)),
                ],
                baseURL: try #require(sandbox.baseURL)
            )
            #expect(responses.map(\.status) == [401, 404, 405])
            #expect(try responses.map { try $0.json()["code"] as? Int } == [20003, 20404, 20004])
        }
    }

    @Test("TwilioClient.fetchAccount reads it, and fails with 20003 on a wrong token")
    func throughTheClient() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            var configuration = TwilioConfiguration()
            configuration.apiBaseURL = try #require(sandbox.baseURL)
            let good = try TwilioClient(
                configuration: configuration,
                credentials: StaticCredentialSource(
                    TwilioCredentials(accountSID: fixedAccount.sid, authToken: fixedAccount.authToken)
                )
            )
            let bad = try TwilioClient(
                configuration: configuration,
                credentials: StaticCredentialSource(
                    TwilioCredentials(accountSID: fixedAccount.sid, authToken: "wrong-token")
                )
            )

            let account = try await good.fetchAccount()
            #expect(account.sid == fixedAccount.sid)
            #expect(account.isActive)
            let error = await #expect(throws: TwilioAPIError.self) {
                _ = try await bad.fetchAccount()
            }
            #expect(error?.code == 20003)
            #expect(error?.httpStatus == 401)
        }
    }
}
