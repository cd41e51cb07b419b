import GatewayCrypto
import GatewayTestSupport
import HTTPServer
import Testing
import TwilioREST
import TwilioSandbox

@Suite("Call webhooks: TwiML fetches and status callbacks")
struct CallWebhookTests {
    static let twiml = #"<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello</Say></Response>"#

    /// An application that serves TwiML at `/voice`, fails at `/broken` and takes callbacks at `/status`.
    static func makeApplication() throws -> WebhookReceiver {
        try WebhookReceiver { request in
            switch request.path {
            case "/voice", "/next": .xml(twiml)
            case "/broken": .text("no", status: .internalServerError)
            default: HTTPResponse(status: .noContent)
            }
        }
    }

    static func isSigned(_ request: WebhookReceiver.Received) -> Bool {
        TwilioSignature.isValid(
            request.header("X-Twilio-Signature") ?? "",
            url: request.url,
            parameters: request.form,
            authToken: fixedAccount.authToken
        )
    }

    @Test("every requested event is posted in order, signed with the account's token, after the TwiML fetch")
    func postedCallbacks() async throws {
        let application = try Self.makeApplication()
        try await withCallSandbox { sandbox, client in
            let created = try await client.createCall(
                CreateCallRequest(
                    to: "+14155550100",
                    from: callerID,
                    url: application.baseURL + "/voice?lang=en",
                    statusCallback: application.baseURL + "/status?tenant=acme",
                    statusCallbackEvents: ["initiated", "ringing", "answered", "completed"]
                )
            )
            let callbacks = try #require(await application.waitForRequests(count: 4, path: "/status"))
            #expect(
                callbacks.map { $0.parameter("CallStatus") } == ["initiated", "ringing", "in-progress", "completed"]
            )
            #expect(callbacks.map { $0.parameter("SequenceNumber") } == ["0", "1", "2", "3"])
            for callback in callbacks {
                #expect(callback.method == "POST")
                #expect(callback.query == "tenant=acme")
                #expect(Self.isSigned(callback), "\(callback.form)")
                #expect(callback.header("User-Agent") == "TwilioProxy/1.1")
                #expect(callback.header("Content-Type") == "application/x-www-form-urlencoded")
                #expect(callback.parameter("CallSid") == created.sid)
                #expect(callback.parameter("AccountSid") == fixedAccount.sid)
                #expect(callback.parameter("CallbackSource") == "call-progress-events")
                #expect(callback.parameter("Timestamp") == "Wed, 01 Jan 2025 12:00:00 +0000")
            }
            #expect(callbacks.last?.parameter("CallDuration") == "0")

            let fetches = application.requests.filter { $0.path == "/voice" }
            let fetch = try #require(fetches.first)
            #expect(fetches.count == 1)
            #expect(fetch.method == "POST")
            #expect(fetch.parameter("CallStatus") == "in-progress")
            #expect(fetch.parameter("Direction") == "outbound-api")
            #expect(Self.isSigned(fetch))
            let order = application.requests.map { $0.parameter("CallStatus") ?? "" }
            #expect(order == ["initiated", "ringing", "in-progress", "in-progress", "completed"])
            #expect(application.requests[2].path == "/voice", "the TwiML is fetched before the answered callback")

            let call = try await waitForCall(created.sid, in: sandbox) { $0.callbacks.count == 4 }
            let document = try #require(call.twimlDocuments.first)
            #expect(document.text == Self.twiml)
            #expect(document.url == application.baseURL + "/voice?lang=en")
            #expect(document.httpStatus == 200)
            #expect(document.contentType == "text/xml; charset=utf-8")
            #expect(document.errorCode == nil)
            #expect(call.callbacks.map(\.httpStatus) == [204, 204, 204, 204])
            #expect(call.callbacks.map { $0.parameter("SequenceNumber") } == ["0", "1", "2", "3"])
        }
        await application.stop()
    }

    @Test("with GET the parameters travel in the query and the signature covers the full URL")
    func getRequests() async throws {
        let application = try Self.makeApplication()
        try await withCallSandbox { _, client in
            _ = try await client.createCall(
                CreateCallRequest(
                    to: "+14155550100",
                    from: callerID,
                    url: application.baseURL + "/voice",
                    method: "GET",
                    statusCallback: application.baseURL + "/status?tenant=acme",
                    statusCallbackMethod: "GET"
                )
            )
            let callbacks = try #require(await application.waitForRequests(count: 1, path: "/status"))
            let fetch = try #require(application.requests.first { $0.path == "/voice" })
            for request in [fetch, try #require(callbacks.first)] {
                #expect(request.method == "GET")
                #expect(request.form.isEmpty)
                #expect(request.parameter("CallSid")?.hasPrefix("CA") == true)
                #expect(
                    TwilioSignature.isValid(
                        request.header("X-Twilio-Signature") ?? "",
                        url: request.url,
                        parameters: [],
                        authToken: fixedAccount.authToken
                    )
                )
            }
            #expect(callbacks.first?.query.hasPrefix("tenant=acme&AccountSid=") == true)
            #expect(callbacks.map { $0.parameter("CallStatus") } == ["completed"], "only completed by default")
        }
        await application.stop()
    }

    @Test("a TwiML URL that fails ends the call with 11200, one that cannot be reached with 11205")
    func failedFetches() async throws {
        let application = try Self.makeApplication()
        let gone = try WebhookReceiver()
        let goneURL = gone.baseURL + "/voice"
        await gone.stop()
        let timings = SandboxCallTimings(queued: .zero, initiated: .zero, ringing: .zero, inProgress: .seconds(60))
        try await withCallSandbox(timings: timings) { sandbox, client in
            for (url, code) in [(application.baseURL + "/broken", 11200), (goneURL, 11205)] {
                let created = try await client.createCall(
                    CreateCallRequest(to: "+14155550100", from: callerID, url: url)
                )
                let call = try await waitForCall(created.sid, in: sandbox) { $0.status == .completed }
                let document = try #require(call.twimlDocuments.first)
                #expect(document.errorCode == code)
                #expect(document.errorMessage != nil)
                #expect(call.answerTime != nil)
            }
        }
        await application.stop()
    }

    @Test("a redirect to a URL fetches it while the call is in progress")
    func redirectFetches() async throws {
        let application = try Self.makeApplication()
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
            _ = try await client.updateCall(
                sid: created.sid,
                CallUpdate(url: application.baseURL + "/next", method: "GET")
            )
            let fetched = try #require(await application.waitForRequests(count: 1, path: "/next"))
            #expect(fetched.first?.method == "GET")
            let call = try await waitForCall(created.sid, in: sandbox) { $0.twimlDocuments.count == 2 }
            #expect(call.twimlDocuments.map(\.url) == [nil, application.baseURL + "/next"])
            #expect(call.twimlDocuments.last?.text == Self.twiml)
        }
        await application.stop()
    }

    @Test("hosts outside outboundHosts are never contacted")
    func outboundHosts() async throws {
        try await withCallSandbox { sandbox, client in
            let created = try await client.createCall(
                CreateCallRequest(
                    to: "+14155550100",
                    from: callerID,
                    url: "https://hooks.example.test/voice",
                    statusCallback: "https://hooks.example.test/status"
                )
            )
            let call = try await waitForCall(created.sid, in: sandbox) { $0.callbacks.count == 1 }
            #expect(call.twimlDocuments.first?.errorCode == 11205)
            #expect(call.twimlDocuments.first?.errorMessage?.contains("outboundHosts") == true)
            #expect(call.callbacks.first?.httpStatus == nil)
            #expect(call.callbacks.first?.errorMessage?.contains("outboundHosts") == true)
        }
    }
}
