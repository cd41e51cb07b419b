import GatewayTestSupport
import Testing
import TwilioREST
import TwilioSandbox

@Suite("Calls API")
struct CallsAPITests {
    @Test("a created call answers 201 with Twilio's Call resource")
    func create() async throws {
        try await withCallSandbox(timings: SandboxCallTimings(queued: .seconds(30))) { sandbox, client in
            let call = try await client.createCall(
                CreateCallRequest(to: "+14155550100", from: callerID, twiml: "<Response><Say>Hi</Say></Response>")
            )
            #expect(call.sid.hasPrefix("CA") && call.sid.count == 34)
            #expect(call.status == .queued)
            #expect(call.accountSID == fixedAccount.sid)
            #expect(call.to == "+14155550100")
            #expect(call.toFormatted == "(415) 555-0100")
            #expect(call.from == callerID)
            #expect(call.fromFormatted == "(500) 555-0006")
            #expect(call.direction == "outbound-api")
            #expect(call.apiVersion == "2010-04-01")
            #expect(call.dateCreated == "Wed, 01 Jan 2025 12:00:00 +0000")
            #expect(call.startTime == nil)
            #expect(call.duration == nil)
            #expect(call.priceUnit == "USD")
            #expect(call.uri == "/2010-04-01/Accounts/\(fixedAccount.sid)/Calls/\(call.sid).json")
            #expect(
                call.subresourceURIs?["recordings"]
                    == "/2010-04-01/Accounts/\(fixedAccount.sid)/Calls/\(call.sid)/Recordings.json"
            )

            let fetched = try await client.fetchCall(sid: call.sid)
            #expect(fetched == call)
            #expect(sandbox.call(sid: call.sid)?.twiml == "<Response><Say>Hi</Say></Response>")
        }
    }

    @Test("a call lives through ringing and in-progress to completed on its own")
    func lifecycle() async throws {
        try await withCallSandbox { sandbox, client in
            let created = try await client.createCall(
                CreateCallRequest(to: "+14155550100", from: callerID, twiml: "<Response><Hangup /></Response>")
            )
            let ended = try await waitForCall(created.sid, in: sandbox) { $0.status == .completed }
            #expect(ended.twimlDocuments.map(\.text) == ["<Response><Hangup /></Response>"])
            let fetched = try await client.fetchCall(sid: created.sid)
            #expect(fetched.status == .completed)
            #expect(fetched.startTime == "Wed, 01 Jan 2025 12:00:00 +0000")
            #expect(fetched.endTime == "Wed, 01 Jan 2025 12:00:00 +0000")
            #expect(fetched.duration == "0")
        }
    }

    @Test(
        "the magic destinations end busy, no-answer and failed",
        arguments: [
            (SandboxCall.busyNumber, TwilioCallStatus.busy),
            (SandboxCall.noAnswerNumber, .noAnswer),
            (SandboxCall.failedNumber, .failed),
        ]
    )
    func magicDestinations(to: String, status: TwilioCallStatus) async throws {
        try await withCallSandbox { sandbox, client in
            let created = try await client.createCall(
                CreateCallRequest(to: to, from: callerID, url: "http://127.0.0.1:1/")
            )
            _ = try await waitForCall(created.sid, in: sandbox) { $0.status.isFinal }
            let fetched = try await client.fetchCall(sid: created.sid)
            #expect(fetched.status == status)
            #expect(fetched.duration == nil)
            #expect(
                sandbox.call(sid: created.sid)?.twimlDocuments.isEmpty == true,
                "an unanswered call fetches no TwiML"
            )
        }
    }

    @Test("cancel while ringing, then every later change is 21220")
    func cancelWhileRinging() async throws {
        try await withCallSandbox(timings: SandboxCallTimings(queued: .zero, initiated: .zero, ringing: .seconds(60))) {
            sandbox,
            client in
            let created = try await client.createCall(
                CreateCallRequest(to: "+14155550100", from: callerID, twiml: "<Response/>")
            )
            _ = try await waitForCall(created.sid, in: sandbox) { $0.status == .ringing }

            let canceled = try await client.updateCall(sid: created.sid, CallUpdate(status: .canceled))
            #expect(canceled.status == .canceled)
            #expect(sandbox.call(sid: created.sid)?.twimlDocuments.isEmpty == true)

            for update in [
                CallUpdate(status: .canceled), CallUpdate(status: .completed), CallUpdate(twiml: "<Response/>"),
            ] {
                let error = try await #require(throws: TwilioAPIError.self) {
                    try await client.updateCall(sid: created.sid, update)
                }
                #expect(error.code == 21220)
                #expect(error.httpStatus == 400)
            }
        }
    }

    @Test("an in-progress call cannot be canceled, but can be redirected and completed")
    func inProgressChanges() async throws {
        let timings = SandboxCallTimings(queued: .zero, initiated: .zero, ringing: .zero, inProgress: .seconds(60))
        try await withCallSandbox(timings: timings) { sandbox, client in
            let created = try await client.createCall(
                CreateCallRequest(
                    to: "+14155550100",
                    from: callerID,
                    twiml: "<Response><Pause length=\"60\" /></Response>"
                )
            )
            _ = try await waitForCall(created.sid, in: sandbox) { $0.status == .inProgress }

            let error = try await #require(throws: TwilioAPIError.self) {
                try await client.updateCall(sid: created.sid, CallUpdate(status: .canceled))
            }
            #expect(error.code == 21220)
            #expect(error.message.contains("in-progress"))

            let redirected = try await client.updateCall(
                sid: created.sid,
                CallUpdate(twiml: "<Response><Say>Bye</Say></Response>")
            )
            #expect(redirected.status == .inProgress)
            #expect(
                sandbox.call(sid: created.sid)?.twimlDocuments.map(\.text).last == "<Response><Say>Bye</Say></Response>"
            )

            let completed = try await client.updateCall(sid: created.sid, CallUpdate(status: .completed))
            #expect(completed.status == .completed)
        }
    }

    /// Requests that fail, with the code each must get.
    private static let invalidCreates: [([(String, String)], Int)] = [
        ([("From", callerID), ("Twiml", "<Response/>")], 21201),
        ([("To", "+14155550100"), ("Twiml", "<Response/>")], 21213),
        ([("To", "+14155550100"), ("From", callerID)], 21205),
        (
            [("To", "+14155550100"), ("From", callerID), ("ApplicationSid", "AP" + String(repeating: "0", count: 32))],
            21218
        ),
        ([("To", "+14155550100"), ("From", callerID), ("Url", "ftp://example.test/x")], 21205),
        ([("To", "+14155550100"), ("From", callerID), ("Url", "/relative")], 21205),
        ([("To", "+14155550100"), ("From", callerID), ("Twiml", String(repeating: "x", count: 4001))], 21205),
        ([("To", "+14155550100"), ("From", callerID), ("Twiml", "<Response/>"), ("Method", "PUT")], 21209),
        ([("To", "+14155550100"), ("From", callerID), ("Twiml", "<Response/>"), ("Timeout", "601")], 21208),
        ([("To", "+14155550100"), ("From", callerID), ("Twiml", "<Response/>"), ("Timeout", "0")], 21208),
        ([("To", "12345"), ("From", callerID), ("Twiml", "<Response/>")], 21217),
        ([("To", "+14155550100"), ("From", "abc"), ("Twiml", "<Response/>")], 21212),
        ([("To", "+14155550100"), ("From", "+15005550001"), ("Twiml", "<Response/>")], 21212),
        ([("To", "+15005550001"), ("From", callerID), ("Twiml", "<Response/>")], 21217),
        ([("To", "+15005550002"), ("From", callerID), ("Twiml", "<Response/>")], 21214),
        ([("To", "+15005550003"), ("From", callerID), ("Twiml", "<Response/>")], 21215),
        ([("To", "+15005550004"), ("From", callerID), ("Twiml", "<Response/>")], 21216),
        ([("To", "+14155550100"), ("From", "+15005550000"), ("Twiml", "<Response/>")], 21210),
    ]

    @Test("create is checked in Twilio's order, with the test-credential magic numbers")
    func createErrors() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            let path = "/2010-04-01/Accounts/\(fixedAccount.sid)/Calls.json"
            let account = (sid: fixedAccount.sid, token: fixedAccount.authToken)
            let responses = try await RESTScript.run(
                Self.invalidCreates.map { form, _ in .authenticated("POST", path, form: form, as: account) },
                baseURL: try #require(sandbox.baseURL)
            )
            #expect(responses.count == Self.invalidCreates.count)
            for (response, (form, code)) in zip(responses, Self.invalidCreates) {
                #expect(response.status == 400, "\(form)")
                let body = try response.json()
                #expect(body["code"] as? Int == code, "\(form)")
                #expect(body["more_info"] as? String == "https://www.twilio.com/docs/errors/\(code)")
            }
            #expect(sandbox.calls().isEmpty)
        }
    }

    @Test("an owned number and a client identity are valid callers")
    func validCallers() async throws {
        try await withCallSandbox(timings: SandboxCallTimings(queued: .seconds(30))) { sandbox, client in
            _ = try await client.createCall(
                CreateCallRequest(to: "+14155550100", from: "+15005550010", twiml: "<Response/>")
            )
            _ = try await client.createCall(
                CreateCallRequest(to: "client:alice", from: "client:bob", twiml: "<Response/>")
            )
            #expect(sandbox.calls().map(\.to) == ["+14155550100", "client:alice"])
        }
    }

    @Test("update checks its parameters and the call's owner")
    func updateErrors() async throws {
        try await withCallSandbox(timings: SandboxCallTimings(queued: .seconds(30))) { sandbox, client in
            let created = try await client.createCall(
                CreateCallRequest(to: "+14155550100", from: callerID, twiml: "<Response/>")
            )

            let badStatus = try await #require(throws: TwilioAPIError.self) {
                try await client.updateCall(sid: created.sid, CallUpdate(status: TwilioCallStatus(rawValue: "ringing")))
            }
            #expect(badStatus.code == 20001)
            let badURL = try await #require(throws: TwilioAPIError.self) {
                try await client.updateCall(sid: created.sid, CallUpdate(url: "not a url"))
            }
            #expect(badURL.code == 21205)
            let unknown = try await #require(throws: TwilioAPIError.self) {
                try await client.updateCall(
                    sid: "CA" + String(repeating: "f", count: 32),
                    CallUpdate(status: .canceled)
                )
            }
            #expect(unknown.code == 20404)
            #expect(unknown.httpStatus == 404)

            let unchanged = try await client.updateCall(sid: created.sid, CallUpdate())
            #expect(unchanged.status == .queued)
        }
    }

    @Test("another account's call is not found")
    func otherAccountsCall() async throws {
        try await withCallSandbox(timings: SandboxCallTimings(queued: .seconds(30))) { sandbox, client in
            let created = try await client.createCall(
                CreateCallRequest(to: "+14155550100", from: callerID, twiml: "<Response/>")
            )
            let path = "/2010-04-01/Accounts/\(otherAccount.sid)/Calls/\(created.sid).json"
            let responses = try await RESTScript.run(
                [.authenticated("GET", path, as: (sid: otherAccount.sid, token: otherAccount.authToken))],
                baseURL: try #require(sandbox.baseURL)
            )
            #expect(responses.first?.status == 404)
        }
    }

    @Test("the list is newest first, filtered and paged")
    func list() async throws {
        try await withCallSandbox(timings: SandboxCallTimings(queued: .seconds(30))) { sandbox, client in
            for to in ["+14155550100", "+14155550101", "+14155550100"] {
                _ = try await client.createCall(CreateCallRequest(to: to, from: callerID, twiml: "<Response/>"))
            }
            let path = "/2010-04-01/Accounts/\(fixedAccount.sid)/Calls.json?To=%2B14155550100&PageSize=1"
            let responses = try await RESTScript.run(
                [.authenticated("GET", path, as: (sid: fixedAccount.sid, token: fixedAccount.authToken))],
                baseURL: try #require(sandbox.baseURL)
            )
            let body = try #require(responses.first).json()
            let calls = try #require(body["calls"] as? [[String: Any]])
            let expected = sandbox.calls().filter { $0.to == "+14155550100" }.last?.sid
            #expect(calls.map { $0["sid"] as? String } == [expected])
            #expect(body["page_size"] as? Int == 1)
            #expect((body["next_page_uri"] as? String)?.contains("Page=1") == true)
        }
    }
}
