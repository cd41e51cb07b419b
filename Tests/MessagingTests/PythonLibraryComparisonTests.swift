import Foundation
import GatewayAPI
import GatewayClient
import GatewayServices
import GatewayTestSupport
import RPCCore
import ServiceSupport
import Testing
import TwilioREST

/// The REST requests the Messaging service sends for SendSms, GetMessage and CancelMessage,
/// side by side with what the official `twilio` Python library (9.13.0) sends for the same
/// operations, both recorded by `Tests/Fixtures/recording_server.py`.
@Suite(
    "Messaging requests compared with twilio-python",
    .enabled(
        if: PythonPackages.testsRun(needing: "twilio"),
        "twilio-python is not installed (pip install twilio); set GATEWAY_REQUIRE_PYTHON=1 to fail instead"
    )
)
struct PythonLibraryComparisonTests {
    static let accountSID = "AC0123456789abcdef0123456789abcdef"
    static let authToken = "comparison-auth-token"
    static let messageSID = "SM00112233445566778899aabbccddeeff"
    static let service = "MG00112233445566778899aabbccddeeff"
    static let messageJSON = """
        {"sid": "\(messageSID)", "account_sid": "\(accountSID)", "status": "scheduled", "to": "+14155550100",
         "date_created": "Wed, 01 Jan 2025 12:00:00 +0000", "num_segments": "1", "num_media": "0"}
        """

    @Test("create (every parameter, repeated MediaUrl, SendAt, ContentVariables), fetch and cancel agree")
    func requestsAgree() async throws {
        let base = "/2010-04-01/Accounts/\(Self.accountSID)"
        let peer = try await RecordingPeer.start(routes: [
            ("POST", base + "/Messages.json", 201, Self.messageJSON),
            ("GET", base + "/Messages/\(Self.messageSID).json", 200, Self.messageJSON),
            ("POST", base + "/Messages/\(Self.messageSID).json", 200, Self.messageJSON),
        ])
        let client = try Self.gatewayClient(baseURL: peer.baseURL)

        _ = try await client.sendSms(
            SendSmsRequest(
                to: "+14155550100",
                sender: .messagingServiceSID(Self.service),
                body: "Hi {{1}} & welcome: 100% ✓",
                mediaURLs: ["https://example.test/a.png?size=large&v=2", "https://example.test/b%20c.gif"],
                statusCallback: "https://hooks.example.test/status?id=42",
                validityPeriod: 600,
                sendAt: "2030-01-02T05:04:05.750+02:00",
                scheduleType: "fixed",
                contentSID: "HX0123456789abcdef0123456789abcdef",
                contentVariablesJSON: #"{"1": "Ana"}"#
            )
        )
        _ = try await client.sendSms(
            SendSmsRequest(
                to: "+14155550100",
                sender: .from("+15005550006"),
                body: "Plain",
                contentSID: "HX0123456789abcdef0123456789abcdef",
                contentVariables: ["2": "b", "1": "a"]
            )
        )
        _ = try await client.getMessage(sid: Self.messageSID)
        _ = try await client.cancelMessage(sid: Self.messageSID)

        let result = try await PythonPeer.run(
            Self.script,
            arguments: [peer.baseURL, Self.accountSID, Self.authToken, Self.service, Self.messageSID]
        )
        #expect(result.exitCode == 0, "\(result.stderr)")

        let requests = try peer.requests()
        try #require(requests.count == 8)
        let ours = Array(requests[0..<4])
        let theirs = Array(requests[4..<8])
        for (index, (gateway, library)) in zip(ours, theirs).enumerated() {
            #expect(gateway.method == library.method, "request \(index)")
            #expect(gateway.path == library.path, "request \(index)")
            #expect(gateway.form == library.form, "request \(index)")
            #expect(gateway.header("Content-Type") == library.header("Content-Type"), "request \(index)")
        }
        #expect(ours.map(\.method) == ["POST", "POST", "GET", "POST"])
        let scheduled = ours[0].form
        #expect(scheduled.filter { $0.first == "MediaUrl" }.count == 2)
        #expect(scheduled.contains(["SendAt", "2030-01-02T03:04:05Z"]))
        #expect(scheduled.contains(["ScheduleType", "fixed"]))
        #expect(scheduled.contains(["ValidityPeriod", "600"]))
        #expect(ours[1].form.contains(["ContentVariables", #"{"1":"a","2":"b"}"#]))
        #expect(ours[3].form == [["Status", "canceled"]])
    }

    private static func gatewayClient(baseURL: String) throws -> GatewayClient {
        var configuration = TwilioConfiguration()
        configuration.apiBaseURL = baseURL
        let twilio = try TwilioClient(
            configuration: configuration,
            credentials: StaticCredentialSource(TwilioCredentials(accountSID: accountSID, authToken: authToken))
        )
        var router = RPCRouter()
        MessagingService(twilio: twilio).register(in: &router)
        return GatewayClient(
            transport: InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
        )
    }

    static let script = #"""
        import datetime, sys
        from twilio.rest import Client

        base, sid, token, service, message = sys.argv[1:6]
        c = Client(sid, token)
        c.api.base_url = base
        c.messages.create(
            to="+14155550100",
            messaging_service_sid=service,
            body="Hi {{1}} & welcome: 100% \u2713",
            media_url=["https://example.test/a.png?size=large&v=2", "https://example.test/b%20c.gif"],
            status_callback="https://hooks.example.test/status?id=42",
            validity_period=600,
            send_at=datetime.datetime(2030, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
            schedule_type="fixed",
            content_sid="HX0123456789abcdef0123456789abcdef",
            content_variables='{"1": "Ana"}',
        )
        c.messages.create(
            to="+14155550100",
            from_="+15005550006",
            body="Plain",
            content_sid="HX0123456789abcdef0123456789abcdef",
            content_variables='{"1":"a","2":"b"}',
        )
        c.messages(message).fetch()
        c.messages(message).update(status="canceled")
        """#
}
