import GatewayAPI
import GatewayTestSupport
import GraphQL
import GraphQLGateway
import HTTPServer
import RPCCore
import Testing

/// GraphQL over Server-Sent Events through a real HTTPServer on 127.0.0.1, read by a Python
/// client on plain `http.client` and by curl.
@Suite("GraphQL over Server-Sent Events", .enabled(if: PythonPackages.standardLibraryTestsRun, "python3 is missing"))
struct EventStreamTests {
    static let subscribe = #"{"query":"subscription { twilio_events(types: [\"sms.inbound\"]) { offset type } }"}"#

    static func withGateway<T>(
        _ options: GraphQLHTTPHandler.EventStreamOptions = GraphQLHTTPHandler.EventStreamOptions(),
        _ body: (GatewayHarness, Int) async throws -> T
    ) async throws -> T {
        let harness = try GatewayHarness()
        var router = HTTPRouter()
        GraphQLHTTPHandler(endpoint: harness.endpoint, requestTimeout: .seconds(5), eventStreams: options)
            .register(in: &router)
        return try await withServer(handler: router.handler) { try await body(harness, $0) }
    }

    static func events(_ offsets: ClosedRange<Int64>) -> [Event] {
        offsets.map { SubscriptionFieldTests.event($0, "sms.inbound") }
    }

    @Test("a subscription answers text/event-stream: one next event per RPC message, then complete")
    func subscription() async throws {
        try await Self.withGateway { harness, port in
            try harness.services.stream(.subscribeEvents, Self.events(1...3))

            let stream = try await EventStreamClient.read(EventStreamClient.Request(body: Self.subscribe), port: port)

            #expect(stream.status == 200)
            #expect(stream.headers["content-type"] == "text/event-stream; charset=utf-8")
            #expect(stream.headers["cache-control"] == "no-cache")
            #expect(stream.headers["transfer-encoding"] == "chunked")
            #expect(
                stream.events == [
                    .init(event: "next", data: #"{"data":{"twilio_events":{"offset":"1","type":"sms.inbound"}}}"#),
                    .init(event: "next", data: #"{"data":{"twilio_events":{"offset":"2","type":"sms.inbound"}}}"#),
                    .init(event: "next", data: #"{"data":{"twilio_events":{"offset":"3","type":"sms.inbound"}}}"#),
                    .init(event: "complete", data: ""),
                ]
            )
            #expect(stream.ended)
            let request = try #require(harness.services.calls.first).decoded(as: SubscribeEventsRequest.self)
            #expect(request.types == ["sms.inbound"])
        }
    }

    @Test("GET works as POST does, and curl sees the same bytes on the wire")
    func getAndCurl() async throws {
        try await Self.withGateway { harness, port in
            try harness.services.stream(.subscribeEvents, Self.events(4...4))
            let query = "query=subscription%7Btwilio_events%7Boffset%7D%7D"

            let stream = try await EventStreamClient.read(
                EventStreamClient.Request(body: query, method: "GET"),
                port: port
            )
            let curl = try await Curl.request(
                ["-N", "-H", "Accept: text/event-stream"],
                path: "/graphql?\(query)",
                port: port
            )

            #expect(stream.events.map(\.event) == ["next", "complete"])
            #expect(
                curl.body == "event: next\ndata: {\"data\":{\"twilio_events\":{\"offset\":\"4\"}}}\n\n"
                    + "event: complete\ndata:\n\n"
            )
        }
    }

    @Test("a query or a mutation over the event stream gives one next event, then complete")
    func queryAndMutation() async throws {
        try await Self.withGateway { harness, port in
            try harness.services.answer(.sendSms, with: Message(sid: SIDs.message, status: "queued"))
            let mutation = #"{"query":"mutation { twilio_sendSms(input: {to: \"+15551234567\"}) { status } }"}"#

            let query = try await EventStreamClient.read(
                EventStreamClient.Request(body: #"{"query":"{ twilio_gateway { version } }"}"#),
                port: port
            )
            let sent = try await EventStreamClient.read(EventStreamClient.Request(body: mutation), port: port)

            #expect(
                query.events == [
                    .init(event: "next", data: #"{"data":{"twilio_gateway":{"version":"1.2.3-test"}}}"#),
                    .init(event: "complete", data: ""),
                ]
            )
            #expect(sent.events.first?.data == #"{"data":{"twilio_sendSms":{"status":"queued"}}}"#)
            #expect(sent.events.last?.event == "complete")
        }
    }

    @Test("a failed call ends the stream with an error result, then complete")
    func failedCall() async throws {
        try await Self.withGateway { harness, port in
            try harness.services.stream(
                .subscribeEvents,
                Self.events(1...1),
                end: RPCError(code: .permissionDenied, message: "not your events")
            )

            let stream = try await EventStreamClient.read(EventStreamClient.Request(body: Self.subscribe), port: port)

            #expect(stream.events.map(\.event) == ["next", "next", "complete"])
            #expect(
                stream.events[1].data
                    == #"{"errors":[{"message":"not your events","locations":[{"line":1,"column":16}],"#
                    + #""path":["twilio_events"],"extensions":{"code":"PERMISSION_DENIED","retryable":false}}]}"#
            )
        }
    }

    @Test(
        "errors found before execution go out as a next event when only the event stream is accepted",
        arguments: [
            (#"{"query":"subscription {"}"#, "Syntax Error"),
            (#"{"query":"subscription { twilio_nothing { offset } }"}"#, "Cannot query field"),
            (
                #"{"query":"subscription ($t: [String!]) { twilio_events(types: $t) { offset } }","variables":{"t":1}}"#,
                "$t"
            ),
        ]
    )
    func errorsAsEvents(body: String, message: String) async throws {
        try await Self.withGateway { harness, port in
            let stream = try await EventStreamClient.read(EventStreamClient.Request(body: body), port: port)

            #expect(stream.status == 200)
            #expect(stream.events.map(\.event) == ["next", "complete"])
            #expect(stream.events.first?.data.hasPrefix(#"{"errors":[{"message":"#) == true)
            #expect(stream.events.first?.data.contains(message) == true, "\(stream.events)")
            #expect(harness.services.calls.isEmpty)
        }
    }

    @Test("errors found before execution get an ordinary response when JSON is accepted too")
    func errorsAsResponse() async throws {
        try await Self.withGateway { _, port in
            let request = EventStreamClient.Request(
                body: #"{"query":"subscription {"}"#,
                accept: "text/event-stream, application/graphql-response+json"
            )

            let answer = try await EventStreamClient.read(request, port: port)

            #expect(answer.status == 400)
            #expect(answer.headers["content-type"] == "application/graphql-response+json; charset=utf-8")
            #expect(answer.body.hasPrefix(#"{"errors":[{"message":"Syntax Error"#))
        }
    }

    @Test("a request that is not GraphQL at all gets an ordinary error response")
    func notGraphQL() async throws {
        try await Self.withGateway { _, port in
            let badJSON = try await EventStreamClient.read(EventStreamClient.Request(body: "{"), port: port)
            let mutationOverGET = try await Curl.request(
                ["-H", "Accept: text/event-stream"],
                path:
                    "/graphql?query=mutation%7Btwilio_ackEvents(input:%7Bconsumer:%22a%22%7D)%7BacknowledgedOffset%7D%7D",
                port: port
            )
            let form = try await Curl.request(
                [
                    "-X", "POST", "-H", "Accept: text/event-stream", "-H", "Content-Type: text/plain",
                    "--data-binary", Self.subscribe,
                ],
                path: "/graphql",
                port: port
            )

            #expect(badJSON.status == 400)
            #expect(badJSON.headers["content-type"] == "application/json; charset=utf-8")
            #expect(badJSON.body.contains("The request body is not valid JSON."))
            #expect(mutationOverGET.status == 405)
            #expect(mutationOverGET.header("Allow") == "POST")
            #expect(form.status == 415)
        }
    }

    @Test("a subscription without Accept: text/event-stream gets a clear error and makes no call")
    func subscriptionOverJSON() async throws {
        try await Self.withGateway { harness, port in
            let response = try await Curl.request(
                ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", Self.subscribe],
                path: "/graphql",
                port: port
            )

            #expect(response.status == 200)
            #expect(
                response.body
                    == #"{"errors":[{"message":"A subscription sends a stream of results: ask for it with the header "#
                    + #"Accept: text/event-stream (GraphQL over Server-Sent Events)."}]}"#
            )
            #expect(harness.services.calls.isEmpty)
        }
    }

    @Test("keep-alive comments go out while no result comes")
    func keepAlive() async throws {
        let options = GraphQLHTTPHandler.EventStreamOptions(keepAliveInterval: .milliseconds(20))
        try await Self.withGateway(options) { harness, port in
            harness.services.answer(.subscribeEvents, .streamThenHang([]))

            let stream = try await EventStreamClient.read(
                EventStreamClient.Request(body: Self.subscribe),
                port: port,
                orComments: 3
            )

            #expect(stream.comments == 3)
            #expect(stream.events.isEmpty)
            #expect(!stream.ended)
        }
    }

    @Test("a client that disconnects mid-stream cancels the RPC")
    func disconnectCancels() async throws {
        try await Self.withGateway { harness, port in
            try harness.services.stream(.subscribeEvents, Self.events(1...1), hang: true)

            let stream = try await EventStreamClient.read(
                EventStreamClient.Request(body: Self.subscribe),
                port: port,
                untilEvents: 1
            )

            #expect(stream.events.map(\.event) == ["next"])
            #expect(try await SubscriptionFieldTests.eventually { harness.services.cancellations == 1 })
        }
    }

    @Test("one stream past the limit is answered 503; a place frees up when a client leaves")
    func limit() async throws {
        let options = GraphQLHTTPHandler.EventStreamOptions(maxConcurrentStreams: 2)
        try await Self.withGateway(options) { harness, port in
            try harness.services.stream(.subscribeEvents, Self.events(1...1), hang: true)

            let result = try await EventStreamClient.limit(
                EventStreamClient.Request(body: Self.subscribe),
                port: port,
                holding: 2
            )
            #expect(result.held.map(\.status) == [200, 200])
            #expect(result.extra.status == 503)
            #expect(
                result.extra.body
                    == #"{"errors":[{"message":"The server already serves 2 event streams, as many as it may at once; "#
                    + #"try again later."}]}"#
            )
            #expect(result.extra.headers["retry-after"] == "1")

            #expect(try await SubscriptionFieldTests.eventually { harness.services.cancellations == 2 })
            let again = try await EventStreamClient.read(
                EventStreamClient.Request(body: Self.subscribe),
                port: port,
                untilEvents: 1
            )
            #expect(again.status == 200)
        }
    }

    @Test("fifty subscriptions at once each get all their events")
    func manyStreams() async throws {
        // All fifty come from 127.0.0.1, past the default limit per address.
        let options = GraphQLHTTPHandler.EventStreamOptions(maxStreamsPerAddress: 50)
        try await Self.withGateway(options) { harness, port in
            try harness.services.stream(.subscribeEvents, Self.events(1...5))

            let streams = try await EventStreamClient.parallel(
                EventStreamClient.Request(body: Self.subscribe),
                port: port,
                count: 50
            )

            #expect(streams.count == 50)
            for stream in streams {
                #expect(stream.events.map(\.event) == ["next", "next", "next", "next", "next", "complete"])
            }
        }
    }
}
