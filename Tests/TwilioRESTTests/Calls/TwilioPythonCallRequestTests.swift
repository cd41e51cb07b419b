internal import Foundation
import GatewayTestSupport
import Testing

@testable import TwilioREST

/// Sends the same call operations with the official twilio-python library and with
/// ``TwilioClient`` to two recording servers, and compares what each server received.
@Suite(
    "Call requests against twilio-python",
    .enabled(
        if: PythonPackages.testsRun(needing: "twilio"),
        "twilio-python is not installed (pip install twilio==9.13.0); set GATEWAY_REQUIRE_PYTHON=1 to fail instead"
    )
)
struct TwilioPythonCallRequestTests {
    static let events = ["initiated", "ringing", "answered", "completed"]
    static let twiml = #"<Response><Say voice="alice">Hi &amp; bye, Grüße 😀</Say><Hangup /></Response>"#

    @Test("create, update and fetch requests match the library's: method, path, form fields and body bytes")
    func sameRequests() async throws {
        let routes = [
            Route(method: "POST", path: Fixtures.callsPath, status: 201, json: Fixtures.queuedCallJSON),
            Route(method: "POST", path: Fixtures.callPath, json: Fixtures.completedCallJSON),
            Route(method: "GET", path: Fixtures.callPath, json: Fixtures.completedCallJSON),
        ]
        let pythonServer = try await RecordingServer.start(routes: routes)
        let swiftServer = try await RecordingServer.start(routes: routes)

        try await runPython(against: pythonServer)
        try await runSwift(against: swiftServer)

        let python = try pythonServer.requests()
        let swift = try swiftServer.requests()
        #expect(python.count == 8)
        #expect(swift.last?.method == "GET" && swift.last?.path == Fixtures.callPath)
        #expect(swift.count == python.count)
        for (index, (ours, theirs)) in zip(swift, python).enumerated() {
            #expect(ours.method == theirs.method, "request \(index)")
            #expect(ours.path == theirs.path, "request \(index)")
            #expect(ours.header("Content-Type") == theirs.header("Content-Type"), "request \(index)")
            #expect(
                try FormEncoding.decode(bytes: ours.body) == FormEncoding.decode(bytes: theirs.body),
                "request \(index)"
            )
            #expect(ours.bodyText == theirs.bodyText, "request \(index)")
        }
        let events = try FormEncoding.decode(bytes: try #require(python.first).body)
            .filter { $0.name == "StatusCallbackEvent" }.map(\.value)
        #expect(events == Self.events, "the library repeats StatusCallbackEvent once per event")
    }

    private func runSwift(against server: RecordingServer) async throws {
        let client = try Fixtures.client(Fixtures.configuration(for: server))
        _ = try await client.createCall(
            CreateCallRequest(
                to: "+14155550100",
                from: "+15005550006",
                url: "https://example.test/twiml?step=1&lang=en",
                method: "GET",
                statusCallback: "https://example.test/status?tenant=a b",
                statusCallbackEvents: Self.events,
                timeout: 30,
                record: true,
                machineDetection: "DetectMessageEnd"
            )
        )
        _ = try await client.createCall(CreateCallRequest(to: "+14155550100", from: "+15005550006", twiml: Self.twiml))
        _ = try await client.createCall(
            CreateCallRequest(to: "+14155550100", from: "+15005550006", url: "https://example.test/t", record: false)
        )
        _ = try await client.updateCall(sid: Fixtures.callSID, CallUpdate(status: .canceled))
        _ = try await client.updateCall(sid: Fixtures.callSID, CallUpdate(status: .completed))
        _ = try await client.updateCall(
            sid: Fixtures.callSID,
            CallUpdate(url: "https://example.test/next", method: "POST")
        )
        _ = try await client.updateCall(sid: Fixtures.callSID, CallUpdate(twiml: Self.twiml))
        _ = try await client.fetchCall(sid: Fixtures.callSID)
    }

    private func runPython(against server: RecordingServer) async throws {
        let result = try await PythonPeer.run(
            Self.script,
            arguments: [server.baseURL, Fixtures.accountSID, Fixtures.authToken, Fixtures.callSID, Self.twiml]
        )
        #expect(result.exitCode == 0, "\(result.stderr)")
    }

    static let script = #"""
        import sys
        from twilio.rest import Client

        base, account, token, sid, twiml = sys.argv[1:6]
        c = Client(account, token)
        c.api.base_url = base
        c.calls.create(to="+14155550100", from_="+15005550006", url="https://example.test/twiml?step=1&lang=en",
                       method="GET", status_callback="https://example.test/status?tenant=a b",
                       status_callback_event=["initiated", "ringing", "answered", "completed"],
                       timeout=30, record=True, machine_detection="DetectMessageEnd")
        c.calls.create(to="+14155550100", from_="+15005550006", twiml=twiml)
        c.calls.create(to="+14155550100", from_="+15005550006", url="https://example.test/t", record=False)
        c.calls(sid).update(status="canceled")
        c.calls(sid).update(status="completed")
        c.calls(sid).update(url="https://example.test/next", method="POST")
        c.calls(sid).update(twiml=twiml)
        c.calls(sid).fetch()
        """#
}
