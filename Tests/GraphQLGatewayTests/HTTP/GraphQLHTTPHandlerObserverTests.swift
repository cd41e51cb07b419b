import GatewayAPI
import GraphQLGateway
import HTTPServer
import RPCCore
import Synchronization
import Testing

/// Collects the events a handler reports.
private final class Events: Sendable {
    private let storage = Mutex<[GraphQLRequestEvent]>([])

    var observer: @Sendable (GraphQLRequestEvent) -> Void {
        { event in self.storage.withLock { $0.append(event) } }
    }

    var all: [GraphQLRequestEvent] {
        storage.withLock { $0 }
    }
}

@Suite("GraphQL handler's observer")
struct GraphQLHTTPHandlerObserverTests {
    private static func post(_ body: String, contentType: String = "application/json") -> HTTPRequest {
        HTTPRequest(method: .post, path: "/graphql", headers: ["Content-Type": contentType], body: Array(body.utf8))
    }

    private static func get(_ query: String) -> HTTPRequest {
        HTTPRequest(method: .get, path: "/graphql", query: query)
    }

    @Test("each request reports its operation's name and how it ended")
    func outcomes() async throws {
        let harness = try GatewayHarness()
        try harness.services.answer(.sendSms, with: Message(sid: SIDs.message, status: "queued"))
        harness.services.answer(.getMessage, .failure(RPCError(code: .notFound, message: "no such message")))
        let events = Events()
        let handler = GraphQLHTTPHandler(endpoint: harness.endpoint, observer: events.observer)
        let mutation =
            #"mutation SendWelcome { twilio_sendSms(input: {to: \"+15551234567\", from: \"+15557654321\"}) { sid } }"#
        let failingQuery = #"{ twilio_message(sid: \"\#(SIDs.message)\") { sid } }"#

        let requests: [HTTPRequest] = [
            Self.post(#"{"query": "\#(mutation)"}"#),
            Self.post(#"{"query": "\#(mutation)", "operationName": "SendWelcome"}"#),
            Self.post(#"{"query": "query Broken { twilio_message(sid: "}"#),
            Self.post(#"{"query": "query Unknown { noSuchField }", "operationName": "Unknown"}"#),
            Self.post(#"{"query": "\#(failingQuery)"}"#),
            Self.post("not json"),
            Self.post(#"{"query": "{ __typename }"}"#, contentType: "text/plain"),
            Self.get("query=mutation%20M%20%7B%20__typename%20%7D"),
            HTTPRequest(method: .put, path: "/graphql"),
        ]
        for request in requests {
            _ = await handler.respond(to: request)
        }

        let reported = events.all
        #expect(
            reported.map(\.operation) == [
                .named("SendWelcome"), .named("SendWelcome"), .unknown, .named("Unknown"), .anonymous, .unknown,
                .unknown, .named("M"), .unknown,
            ]
        )
        #expect(
            reported.map(\.outcome) == [
                .succeeded, .succeeded, .invalid, .invalid, .fieldErrors, .malformed, .malformed, .notAllowed,
                .notAllowed,
            ]
        )
        #expect(reported.allSatisfy { $0.duration >= .zero })
    }
}
