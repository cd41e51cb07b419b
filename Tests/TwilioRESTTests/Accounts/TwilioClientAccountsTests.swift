import Testing

@testable import TwilioREST

@Suite("TwilioClient Accounts")
struct TwilioClientAccountsTests {
    static let accountPath = "/2010-04-01/Accounts/\(Fixtures.accountSID).json"

    /// An Account body with the fields Twilio documents for the resource, auth token included.
    static let accountJSON = """
        {"auth_token":"0123456789abcdef0123456789abcdef","date_created":"Thu, 03 Dec 2026 12:00:00 +0000",
         "date_updated":"Fri, 04 Dec 2026 08:30:00 +0000","friendly_name":"My first account",
         "owner_account_sid":"AC0123456789abcdef0123456789abcdef","sid":"AC0123456789abcdef0123456789abcdef",
         "status":"active","subresource_uris":{},"type":"Full",
         "uri":"/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef.json"}
        """

    @Test("fetchAccount gets the credentials' account and decodes it, leaving the auth token out")
    func fetchAccount() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(method: "GET", path: Self.accountPath, status: 200, json: Self.accountJSON)
        ])
        let events = EventCollector()
        let client = try Fixtures.client(Fixtures.configuration(for: server), observer: events.observer)

        let account = try await client.fetchAccount()

        let recorded = try #require(try server.requests().first)
        #expect(recorded.method == "GET")
        #expect(recorded.path == Self.accountPath)
        #expect(recorded.basicCredentials == "\(Fixtures.accountSID):\(Fixtures.authToken)")
        #expect(recorded.body.isEmpty)
        #expect(
            account
                == TwilioAccount(
                    sid: Fixtures.accountSID,
                    friendlyName: "My first account",
                    status: "active",
                    type: "Full",
                    ownerAccountSID: Fixtures.accountSID,
                    dateCreated: "Thu, 03 Dec 2026 12:00:00 +0000",
                    dateUpdated: "Fri, 04 Dec 2026 08:30:00 +0000",
                    uri: "/2010-04-01/Accounts/\(Fixtures.accountSID).json"
                )
        )
        #expect(account.isActive)
        #expect(events.events.map(\.endpoint) == ["accounts.fetch"])
        #expect(events.events.map(\.outcome) == [.response(httpStatus: 200)])
    }

    @Test("wrong credentials give the 401 with code 20003")
    func wrongCredentials() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(
                path: Self.accountPath,
                status: 401,
                json: #"{"code": 20003, "message": "Authenticate", "status": 401}"#
            )
        ])
        let events = EventCollector()
        let client = try Fixtures.client(Fixtures.configuration(for: server), observer: events.observer)

        let error = await #expect(throws: TwilioAPIError.self) {
            try await client.fetchAccount()
        }
        #expect(error?.httpStatus == 401)
        #expect(error?.code == 20003)
        #expect(events.events.map(\.twilioErrorCode) == [20003])
    }

    @Test(
        "an account is active unless its status says otherwise",
        arguments: [(nil, true), ("active", true), ("suspended", false), ("closed", false)] as [(String?, Bool)]
    )
    func activity(status: String?, active: Bool) {
        #expect(TwilioAccount(sid: "AC1", status: status).isActive == active)
    }
}
