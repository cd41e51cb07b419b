internal import Foundation
import GatewayTestSupport
import Testing

@testable import TwilioREST

/// Fetches the account, the readiness probe's request, with the official twilio-python library
/// and with ``TwilioClient`` against two recording servers, and compares what each received.
@Suite(
    "Account requests against twilio-python",
    .enabled(
        if: PythonPackages.testsRun(needing: "twilio"),
        "twilio-python is not installed (pip install twilio==9.13.0); set GATEWAY_REQUIRE_PYTHON=1 to fail instead"
    )
)
struct TwilioPythonAccountRequestTests {
    @Test("the account fetch matches the library's: method, path, credentials, no body")
    func sameRequest() async throws {
        let routes = [
            Route(
                method: "GET",
                path: TwilioClientAccountsTests.accountPath,
                status: 200,
                json: TwilioClientAccountsTests.accountJSON
            )
        ]
        let pythonServer = try await RecordingServer.start(routes: routes)
        let swiftServer = try await RecordingServer.start(routes: routes)

        let result = try await PythonPeer.run(
            Self.script,
            arguments: [pythonServer.baseURL, Fixtures.accountSID, Fixtures.authToken]
        )
        #expect(result.exitCode == 0, "\(result.stderr)")
        _ = try await Fixtures.client(Fixtures.configuration(for: swiftServer)).fetchAccount()

        let theirs = try #require(try pythonServer.requests().first)
        let ours = try #require(try swiftServer.requests().first)
        #expect(ours.method == theirs.method)
        #expect(ours.path == theirs.path)
        #expect(ours.basicCredentials == theirs.basicCredentials)
        #expect(ours.body.isEmpty && theirs.body.isEmpty)
        #expect(theirs.path == TwilioClientAccountsTests.accountPath)
    }

    static let script = #"""
        import sys
        from twilio.rest import Client

        base, account, token = sys.argv[1:4]
        c = Client(account, token)
        c.api.base_url = base
        c.api.v2010.accounts(account).fetch()
        """#
}
