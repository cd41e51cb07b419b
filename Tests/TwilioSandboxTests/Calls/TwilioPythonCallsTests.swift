import Foundation
import GatewayTestSupport
import Testing
import TwilioSandbox

/// The official twilio-python library drives the sandbox's Calls API: if its create, fetch,
/// update and list work and its exceptions carry Twilio's codes, the sandbox speaks the API
/// the way the library expects.
@Suite(
    "twilio-python calls against the sandbox",
    .enabled(
        if: PythonPackages.testsRun(needing: "twilio"),
        "twilio-python is not installed (pip install twilio); set GATEWAY_REQUIRE_PYTHON=1 to fail instead"
    )
)
struct TwilioPythonCallsTests {
    struct Report: Decodable {
        var created: [String: String?]
        var canceled: String
        var fetchedStatus: String
        var listed: [String]
        var errors: [String: [Int]]
    }

    @Test("creates, cancels, fetches and lists calls; rejections carry Twilio's codes")
    func library() async throws {
        var configuration = fixedConfiguration()
        configuration.callTimings = SandboxCallTimings(queued: .seconds(60))
        try await withSandbox(configuration) { sandbox in
            let report = try await PythonPeer.runJSON(
                Report.self,
                Self.script,
                arguments: [try #require(sandbox.baseURL), fixedAccount.sid, fixedAccount.authToken]
            )
            let sid = try #require(report.created["sid"] ?? nil)
            #expect(sid.hasPrefix("CA"))
            #expect(report.created["status"] == "queued")
            #expect(report.created["to_formatted"] == "(415) 555-0100")
            #expect(report.created["direction"] == "outbound-api")
            #expect(report.created["date_created"] == "2025-01-01T12:00:00+00:00")
            #expect(report.created["start_time"] == .some(nil))
            #expect(report.canceled == "canceled")
            #expect(report.fetchedStatus == "canceled")
            #expect(report.listed == [sandbox.calls().last?.sid, sid].compactMap { $0 })
            #expect(
                report.errors == [
                    "to_missing": [21201, 400], "from_missing": [21213, 400], "no_instructions": [21205, 400],
                    "from_unverified": [21210, 400], "to_unreachable": [21214, 400], "geo": [21215, 400],
                    "blocked": [21216, 400], "cancel_ended": [21220, 400], "fetch_unknown": [20404, 404],
                ]
            )

            let call = try #require(sandbox.call(sid: sid))
            #expect(call.statusCallbackEvents == ["initiated", "ringing", "answered", "completed"])
            #expect(call.timeout == 25)
            #expect(call.record)
            #expect(call.machineDetection == "Enable")
        }
    }

    static let script = #"""
        import json, sys
        from twilio.base.exceptions import TwilioRestException
        from twilio.rest import Client

        base, sid, token = sys.argv[1:4]
        c = Client(sid, token)
        c.api.base_url = base
        to, caller, twiml = "+14155550100", "+15005550006", "<Response><Say>Hi</Say></Response>"

        def failure(call):
            try:
                call()
            except TwilioRestException as e:
                return [e.code, e.status]
            return None

        call = c.calls.create(to=to, from_=caller, twiml=twiml, status_callback="http://127.0.0.1:9/status",
                              status_callback_event=["initiated", "ringing", "answered", "completed"],
                              timeout=25, record=True, machine_detection="Enable")
        other = c.calls.create(to="+14155550101", from_=caller, url="http://127.0.0.1:9/voice")
        created = {"sid": call.sid, "status": call.status, "to_formatted": call.to_formatted,
                   "direction": call.direction, "date_created": call.date_created.isoformat(),
                   "start_time": call.start_time}
        canceled = c.calls(call.sid).update(status="canceled").status
        fetched = c.calls(call.sid).fetch()
        listed = [x.sid for x in c.calls.list(limit=10, page_size=1)]
        errors = {
            "to_missing": lambda: c.calls.create(to="", from_=caller, twiml=twiml),
            "from_missing": lambda: c.calls.create(to=to, from_="", twiml=twiml),
            "no_instructions": lambda: c.calls.create(to=to, from_=caller),
            "from_unverified": lambda: c.calls.create(to=to, from_="+15005550000", twiml=twiml),
            "to_unreachable": lambda: c.calls.create(to="+15005550002", from_=caller, twiml=twiml),
            "geo": lambda: c.calls.create(to="+15005550003", from_=caller, twiml=twiml),
            "blocked": lambda: c.calls.create(to="+15005550004", from_=caller, twiml=twiml),
            "cancel_ended": lambda: c.calls(call.sid).update(status="canceled"),
            "fetch_unknown": lambda: c.calls("CA" + "0" * 32).fetch(),
        }
        print(json.dumps({"created": created, "canceled": canceled, "fetchedStatus": fetched.status,
                          "listed": listed, "errors": {k: failure(v) for k, v in errors.items()}}, default=str))
        """#
}
