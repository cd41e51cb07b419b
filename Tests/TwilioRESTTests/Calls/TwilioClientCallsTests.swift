internal import Foundation
import Testing

@testable import TwilioREST

@Suite("TwilioClient Calls")
struct TwilioClientCallsTests {
    @Test("createCall sends every parameter, one StatusCallbackEvent field per event, and decodes the call")
    func createCall() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(method: "POST", path: Fixtures.callsPath, status: 201, json: Fixtures.queuedCallJSON)
        ])
        let client = try Fixtures.client(Fixtures.configuration(for: server))
        let request = CreateCallRequest(
            to: "+14155550100",
            from: "+15005550006",
            url: "https://example.test/twiml?step=1&lang=en",
            method: "GET",
            statusCallback: "https://example.test/status",
            statusCallbackEvents: ["initiated", "ringing", "answered", "completed"],
            timeout: 30,
            record: true,
            machineDetection: "DetectMessageEnd"
        )

        let call = try await client.createCall(request)

        let recorded = try #require(try server.requests().first)
        #expect(recorded.method == "POST")
        #expect(recorded.path == Fixtures.callsPath)
        #expect(recorded.basicCredentials == "\(Fixtures.accountSID):\(Fixtures.authToken)")
        #expect(recorded.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(
            try FormEncoding.decode(bytes: recorded.body) == [
                FormField("To", "+14155550100"),
                FormField("From", "+15005550006"),
                FormField("Method", "GET"),
                FormField("StatusCallback", "https://example.test/status"),
                FormField("StatusCallbackEvent", "initiated"),
                FormField("StatusCallbackEvent", "ringing"),
                FormField("StatusCallbackEvent", "answered"),
                FormField("StatusCallbackEvent", "completed"),
                FormField("Timeout", "30"),
                FormField("Record", "true"),
                FormField("MachineDetection", "DetectMessageEnd"),
                FormField("Url", "https://example.test/twiml?step=1&lang=en"),
            ]
        )

        #expect(call.sid == Fixtures.callSID)
        #expect(call.status == .queued)
        #expect(call.toFormatted == "(415) 555-0100")
        #expect(call.duration == nil)
        #expect(call.queueTime == "0")
        #expect(call.subresourceURIs?["recordings"]?.hasSuffix("/Recordings.json") == true)
    }

    @Test("createCall with inline TwiML sends only what is set")
    func createCallWithTwiML() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(path: Fixtures.callsPath, status: 201, json: Fixtures.queuedCallJSON)
        ])
        let client = try Fixtures.client(Fixtures.configuration(for: server))

        _ = try await client.createCall(
            CreateCallRequest(
                to: "+14155550100",
                from: "+15005550006",
                twiml: "<Response><Say>Hi & bye</Say></Response>"
            )
        )

        let recorded = try #require(try server.requests().first)
        #expect(
            recorded.bodyText
                == "To=%2B14155550100&From=%2B15005550006"
                + "&Twiml=%3CResponse%3E%3CSay%3EHi+%26+bye%3C%2FSay%3E%3C%2FResponse%3E"
        )
    }

    @Test("fetchCall gets the call by SID and decodes an ended call")
    func fetchCall() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(method: "GET", path: Fixtures.callPath, json: Fixtures.completedCallJSON)
        ])
        let client = try Fixtures.client(Fixtures.configuration(for: server))

        let call = try await client.fetchCall(sid: Fixtures.callSID)

        let recorded = try #require(try server.requests().first)
        #expect(recorded.method == "GET")
        #expect(recorded.path == Fixtures.callPath)
        #expect(recorded.body.isEmpty)
        #expect(call.status == .completed)
        #expect(call.duration == "49")
        #expect(call.answeredBy == "human")
        #expect(call.price == "-0.03000")
        #expect(call.startTime == "Wed, 01 Jan 2025 12:00:11 +0000")
    }

    @Test(
        "updateCall posts the status or the new TwiML in twilio-python's field order",
        arguments: [
            (CallUpdate(status: .canceled), "Status=canceled"),
            (CallUpdate(status: .completed), "Status=completed"),
            (
                CallUpdate(url: "https://example.test/next", method: "POST"),
                "Url=https%3A%2F%2Fexample.test%2Fnext&Method=POST"
            ),
            (
                CallUpdate(twiml: "<Response><Hangup /></Response>"),
                "Twiml=%3CResponse%3E%3CHangup+%2F%3E%3C%2FResponse%3E"
            ),
        ]
    )
    func updateCall(update: CallUpdate, body: String) async throws {
        let server = try await RecordingServer.start(routes: [
            Route(method: "POST", path: Fixtures.callPath, json: Fixtures.completedCallJSON)
        ])
        let client = try Fixtures.client(Fixtures.configuration(for: server))

        let call = try await client.updateCall(sid: Fixtures.callSID, update)

        let recorded = try #require(try server.requests().first)
        #expect(recorded.method == "POST")
        #expect(recorded.path == Fixtures.callPath)
        #expect(recorded.bodyText == body)
        #expect(call.status == .completed)
    }

    @Test("an unknown call is Twilio's 404 with code 20404")
    func unknownCall() async throws {
        let server = try await RecordingServer.start(routes: [])
        let client = try Fixtures.client(Fixtures.configuration(for: server))

        let error = try await #require(throws: TwilioAPIError.self) {
            try await client.fetchCall(sid: Fixtures.callSID)
        }
        #expect(error.httpStatus == 404)
        #expect(error.code == 20404)
    }

    @Test("a call SID is percent-encoded into one path segment")
    func sidIsEscaped() async throws {
        let server = try await RecordingServer.start(routes: [], defaultRoute: Route(json: Fixtures.completedCallJSON))
        let client = try Fixtures.client(Fixtures.configuration(for: server))

        _ = try await client.fetchCall(sid: "CA1/../x y")

        let recorded = try #require(try server.requests().first)
        #expect(recorded.path == "/2010-04-01/Accounts/\(Fixtures.accountSID)/Calls/CA1%2F%2E%2E%2Fx%20y.json")
    }
}
