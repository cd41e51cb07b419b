internal import Foundation
import Testing

@testable import TwilioREST

@Suite("WebhookClient")
struct WebhookClientTests {
    @Test("posts the body with the given headers, Twilio's user agent and no credentials")
    func post() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(method: "POST", path: "/status", status: 204, text: "")
        ])
        let client = try WebhookClient()
        let body = Array("CallSid=CA1&CallStatus=ringing".utf8)

        let response = try await client.send(
            WebhookRequest(
                method: .post,
                url: server.baseURL + "/status?tenant=a",
                headers: [
                    ("Content-Type", "application/x-www-form-urlencoded"), ("X-Twilio-Signature", "c2lnbmF0dXJl"),
                ],
                body: body
            )
        )

        #expect(response.status == 204)
        #expect(response.isSuccess)
        let recorded = try #require(try server.requests().first)
        #expect(recorded.method == "POST")
        #expect(recorded.path == "/status?tenant=a")
        #expect(recorded.body == body)
        #expect(recorded.header("X-Twilio-Signature") == "c2lnbmF0dXJl")
        #expect(recorded.header("User-Agent") == "TwilioProxy/1.1")
        #expect(recorded.header("Authorization") == nil)
    }

    @Test("gets a TwiML document with its content type")
    func get() async throws {
        let twiml = #"<?xml version="1.0" encoding="UTF-8"?><Response><Hangup /></Response>"#
        let server = try await RecordingServer.start(routes: [
            Route(method: "GET", path: "/voice", text: twiml, contentType: "text/xml")
        ])
        let client = try WebhookClient()

        let response = try await client.send(WebhookRequest(method: .get, url: server.baseURL + "/voice?CallSid=CA1"))

        #expect(response.status == 200)
        #expect(response.header(named: "content-type") == "text/xml")
        #expect(String(decoding: response.body, as: UTF8.self) == twiml)
        #expect(try server.requests().first?.method == "GET")
    }

    @Test("an error status is an answer, not a failure")
    func errorStatus() async throws {
        let server = try await RecordingServer.start(routes: [Route(path: "/down", status: 503, text: "later")])
        let response = try await WebhookClient().send(WebhookRequest(method: .post, url: server.baseURL + "/down"))
        #expect(response.status == 503)
        #expect(!response.isSuccess)
    }

    @Test("a refused connection is a connect failure")
    func refused() async throws {
        let port = try ClosedPort.make()
        let error = try await #require(throws: TwilioTransportError.self) {
            try await WebhookClient().send(WebhookRequest(method: .post, url: "http://127.0.0.1:\(port)/x"))
        }
        #expect(error.kind == .connectFailed)
    }

    @Test("a stalled application times out")
    func timeout() async throws {
        let server = try await RecordingServer.start(routes: [Route(path: "/slow", stallSeconds: 5)])
        let client = try WebhookClient(requestTimeout: .milliseconds(300))
        let error = try await #require(throws: TwilioTransportError.self) {
            try await client.send(WebhookRequest(method: .get, url: server.baseURL + "/slow"))
        }
        #expect(error.kind == .timedOut)
    }
}
