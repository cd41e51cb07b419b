import Testing

@testable import TwilioREST

@Suite("TwilioClient errors from Twilio")
struct TwilioClientErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var route: Route
        var expected: TwilioAPIError
        var retryable: Bool

        var testDescription: String {
            name
        }
    }

    static let cases: [Case] = [
        Case(
            name: "400 21211 invalid To",
            route: Route(
                status: 400,
                json: """
                    {"code": 21211, "message": "The 'To' number 123 is not a valid phone number.",
                     "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}
                    """
            ),
            expected: TwilioAPIError(
                httpStatus: 400,
                code: 21211,
                message: "The 'To' number 123 is not a valid phone number.",
                moreInfo: "https://www.twilio.com/docs/errors/21211"
            ),
            retryable: false
        ),
        Case(
            name: "401 20003 authentication failed",
            route: Route(
                status: 401,
                json: """
                    {"code": 20003, "detail": "Your AccountSid or AuthToken was incorrect.", "message": "Authenticate",
                     "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401}
                    """
            ),
            expected: TwilioAPIError(
                httpStatus: 401,
                code: 20003,
                message: "Authenticate",
                moreInfo: "https://www.twilio.com/docs/errors/20003",
                detail: "Your AccountSid or AuthToken was incorrect."
            ),
            retryable: false
        ),
        Case(
            name: "429 20429 too many requests, with Retry-After",
            route: Route(
                status: 429,
                json: """
                    {"code":20429,"message":"Too many requests","more_info":"https://www.twilio.com/docs/errors/20429",
                     "status":429}
                    """,
                headers: ["Retry-After": "2"]
            ),
            expected: TwilioAPIError(
                httpStatus: 429,
                code: 20429,
                message: "Too many requests",
                moreInfo: "https://www.twilio.com/docs/errors/20429",
                retryAfter: .seconds(2)
            ),
            retryable: true
        ),
        Case(
            name: "429 with a Retry-After beyond a day, read as a day",
            route: Route(
                status: 429,
                json: #"{"code":20429,"message":"Too many requests","status":429}"#,
                headers: ["Retry-After": "9223372036854775807"]
            ),
            expected: TwilioAPIError(
                httpStatus: 429,
                code: 20429,
                message: "Too many requests",
                retryAfter: .seconds(86_400)
            ),
            retryable: true
        ),
        Case(
            name: "429 with a negative Retry-After, read as none",
            route: Route(
                status: 429,
                json: #"{"code":20429,"message":"Too many requests","status":429}"#,
                headers: ["Retry-After": "-3"]
            ),
            expected: TwilioAPIError(httpStatus: 429, code: 20429, message: "Too many requests"),
            retryable: true
        ),
        Case(
            name: "502 with an HTML body",
            route: Route(status: 502, text: "<html><body>Bad Gateway</body></html>", contentType: "text/html"),
            expected: TwilioAPIError(httpStatus: 502, message: "HTTP 502 without a Twilio error body"),
            retryable: true
        ),
        Case(
            name: "503 with JSON that is not a Twilio error",
            route: Route(status: 503, json: #"{"ok": false}"#),
            expected: TwilioAPIError(httpStatus: 503, message: "HTTP 503 without a Twilio error body"),
            retryable: true
        ),
        Case(
            name: "400 in the RFC 9457 problem shape",
            route: Route(
                status: 400,
                json: """
                    {"type": "https://www.twilio.com/docs/errors/20001", "title": "Invalid parameter",
                     "status": 400, "code": 20001, "detail": "To is required", "instance": "/Messages"}
                    """,
                contentType: "application/problem+json"
            ),
            expected: TwilioAPIError(
                httpStatus: 400,
                code: 20001,
                message: "Invalid parameter",
                moreInfo: "https://www.twilio.com/docs/errors/20001",
                detail: "To is required"
            ),
            retryable: false
        ),
        Case(
            name: "404 20404 with the code as a string",
            route: Route(status: 404, json: #"{"code": "20404", "message": "Not found", "status": 404}"#),
            expected: TwilioAPIError(httpStatus: 404, code: 20404, message: "Not found"),
            retryable: false
        ),
    ]

    @Test("each error answer becomes the matching TwilioAPIError", arguments: cases)
    func errorAnswer(_ testCase: Case) async throws {
        var route = testCase.route
        route.path = Fixtures.messagesPath
        let server = try await RecordingServer.start(routes: [route])
        let events = EventCollector()
        let client = try Fixtures.client(Fixtures.configuration(for: server), observer: events.observer)

        let error = await #expect(throws: TwilioAPIError.self) {
            try await client.createMessage(Fixtures.simpleMessage)
        }

        #expect(error == testCase.expected)
        #expect(error?.isRetryable == testCase.retryable)
        #expect(events.events.map(\.outcome) == [.response(httpStatus: testCase.expected.httpStatus)])
        #expect(events.events.map(\.endpoint) == ["messages.create"])
        #expect(events.events.map(\.twilioErrorCode) == [testCase.expected.code])
    }

    @Test(
        "an event is a rate limit for HTTP 429 or error 20429, and nothing else",
        arguments: [
            (TwilioRequestEvent.Outcome.response(httpStatus: 429), nil, true),
            (.response(httpStatus: 429), 20429, true),
            (.response(httpStatus: 400), 20429, true),
            (.response(httpStatus: 400), 21211, false),
            (.response(httpStatus: 503), nil, false),
            (.transportFailure(.timedOut), nil, false),
            (.cancelled, nil, false),
        ] as [(TwilioRequestEvent.Outcome, Int?, Bool)]
    )
    func rateLimited(outcome: TwilioRequestEvent.Outcome, code: Int?, expected: Bool) {
        let event = TwilioRequestEvent(
            endpoint: "messages.create",
            outcome: outcome,
            twilioErrorCode: code,
            duration: .zero
        )
        #expect(event.isRateLimited == expected)
    }

    @Test("the description names status, code, message and link, but no credentials")
    func description() {
        let error = TwilioAPIError(
            httpStatus: 400,
            code: 21211,
            message: "The 'To' number 123 is not a valid phone number.",
            moreInfo: "https://www.twilio.com/docs/errors/21211"
        )

        #expect(
            error.description
                == "Twilio answered HTTP 400 with error 21211: The 'To' number 123 is not a valid phone number. "
                + "See https://www.twilio.com/docs/errors/21211"
        )
    }
}
