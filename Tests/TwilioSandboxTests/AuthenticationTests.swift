import Foundation
import Testing
import TwilioSandbox

@Suite("Authentication and account checks")
struct AuthenticationTests {
    private static let path = "/2010-04-01/Accounts/\(fixedAccount.sid)/Messages.json"
    private static let form = [("To", "+14155550100"), ("From", "+15005550006"), ("Body", "hi")]
    private static let authenticateBody =
        #"{"code":20003,"detail":"Your AccountSid or AuthToken was incorrect.","message":"Authenticate","#
        + #""more_info":"https://www.twilio.com/docs/errors/20003","status":401}"#

    private static func notFoundBody(_ path: String) -> String {
        #"{"code":20404,"message":"The requested resource \#(path) was not found","#
            + #""more_info":"https://www.twilio.com/docs/errors/20404","status":404}"#
    }

    @Test("answers 401/20003 without credentials, with a wrong token, or with malformed Basic")
    func rejectsBadCredentials() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            var notBase64 = RESTScript.Request(method: "POST", path: Self.path)
            notBase64.authorization = "Basic %%%not-base64%%%"
            var noColon = RESTScript.Request(method: "POST", path: Self.path)
            noColon.authorization =
                "Basic " + Data("\(fixedAccount.sid)\(fixedAccount.authToken)".utf8).base64EncodedString()
            var bearer = RESTScript.Request(method: "POST", path: Self.path)
            bearer.authorization = "Bearer " + fixedAccount.authToken
            let requests: [RESTScript.Request] = [
                notBase64, noColon, bearer,
                RESTScript.Request(method: "POST", path: Self.path, form: Self.form.map { [$0.0, $0.1] }),
                .authenticated("POST", Self.path, form: Self.form, as: (fixedAccount.sid, "wrong-token")),
                .authenticated("POST", Self.path, form: Self.form, as: (fixedAccount.sid, otherAccount.authToken)),
                .authenticated("GET", "/", as: (fixedAccount.sid, "wrong-token")),
            ]
            let responses = try await RESTScript.run(requests, baseURL: try #require(sandbox.baseURL))
            #expect(responses.map(\.status) == [401, 401, 401, 401, 401, 401, 401])
            #expect(responses.allSatisfy { $0.body == Self.authenticateBody })
            #expect(responses.allSatisfy { $0.headers["Content-Type"] == "application/json" })
            #expect(responses.allSatisfy { $0.headers["WWW-Authenticate"] == #"Basic realm="Twilio API""# })
            #expect(sandbox.messages().isEmpty)
        }
    }

    @Test("answers 404/20404 for an unknown account SID, as Twilio does")
    func unknownAccount() async throws {
        let unknown = "AC" + String(repeating: "9", count: 32)
        let path = "/2010-04-01/Accounts/\(unknown)/Messages.json"
        try await withSandbox(fixedConfiguration()) { sandbox in
            let responses = try await RESTScript.run(
                [.authenticated("POST", path, form: Self.form, as: (unknown, "anything"))],
                baseURL: try #require(sandbox.baseURL)
            )
            #expect(responses[0].status == 404)
            #expect(responses[0].body == Self.notFoundBody(path))
        }
    }

    @Test("answers 404/20404 when the path names another account than the credentials")
    func accountMismatch() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            let baseURL = try #require(sandbox.baseURL)
            let created = try await RESTScript.run(
                [.authenticated("POST", Self.path, form: Self.form, as: (fixedAccount.sid, fixedAccount.authToken))],
                baseURL: baseURL
            )
            let sid = try #require(try created[0].json()["sid"] as? String)
            let fetchPath = "/2010-04-01/Accounts/\(fixedAccount.sid)/Messages/\(sid).json"
            let otherFetchPath = "/2010-04-01/Accounts/\(otherAccount.sid)/Messages/\(sid).json"
            let other = (otherAccount.sid, otherAccount.authToken)
            let responses = try await RESTScript.run(
                [
                    .authenticated("POST", Self.path, form: Self.form, as: other),
                    .authenticated("GET", fetchPath, as: other),
                    .authenticated("GET", otherFetchPath, as: other),
                ],
                baseURL: baseURL
            )
            #expect(responses.map(\.status) == [404, 404, 404])
            #expect(responses[0].body == Self.notFoundBody(Self.path))
            #expect(responses[1].body == Self.notFoundBody(fetchPath))
            #expect(responses[2].body == Self.notFoundBody(otherFetchPath))
            #expect(sandbox.messages(accountSID: otherAccount.sid).isEmpty)
        }
    }

    @Test("answers unknown paths 404/20404 and known paths with another method 405/20004")
    func unknownRoutes() async throws {
        let credentials = (fixedAccount.sid, fixedAccount.authToken)
        let unknownPath = "/2010-04-01/Accounts/\(fixedAccount.sid)/Recordings.json"
        try await withSandbox(fixedConfiguration()) { sandbox in
            let responses = try await RESTScript.run(
                [
                    .authenticated("GET", unknownPath, as: credentials),
                    .authenticated("DELETE", Self.path, as: credentials),
                    RESTScript.Request(method: "GET", path: unknownPath),
                ],
                baseURL: try #require(sandbox.baseURL)
            )
            #expect(responses.map(\.status) == [404, 405, 401])
            #expect(responses[0].body == Self.notFoundBody(unknownPath))
            #expect(try responses[1].json()["code"] as? Int == 20004)
            #expect(responses[1].headers["Allow"] == "POST, GET, HEAD")
        }
    }
}
