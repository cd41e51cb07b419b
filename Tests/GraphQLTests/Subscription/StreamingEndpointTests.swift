import GraphQL
import Testing

@Suite("GraphQLEndpoint over a stream")
struct StreamingEndpointTests {
    static func endpoint() throws -> GraphQLEndpoint {
        GraphQLEndpoint(schema: try TickerSchema.make())
    }

    @Test("an ordinary request with a subscription is refused with a hint at Server-Sent Events")
    func subscriptionWithoutStream() async throws {
        let response = try await Self.endpoint().respond(
            toJSONBody: Array(#"{"query":"subscription { forever { number } }"}"#.utf8)
        )

        #expect(response.outcome == .invalidRequest)
        #expect(
            response.jsonString()
                == #"{"errors":[{"message":"A subscription sends a stream of results: ask for it with the header "#
                + #"Accept: text/event-stream (GraphQL over Server-Sent Events)."}]}"#
        )
    }

    @Test("a subscription streams one result per event")
    func subscription() async throws {
        let body = #"{"query":"subscription($n: Int!) { ticks(count: $n) { number } }","variables":{"n":2}}"#
        let result = try await Self.endpoint().respondWithStream(toJSONBody: Array(body.utf8))
        let stream = try #require(result.stream)

        #expect(
            await stream.jsonStrings() == [#"{"data":{"ticks":{"number":0}}}"#, #"{"data":{"ticks":{"number":1}}}"#]
        )
    }

    @Test("a query or mutation streams its one result")
    func singleResults() async throws {
        let endpoint = try Self.endpoint()
        let query = try #require(await endpoint.respondWithStream(toURLQuery: "query=%7Bnow%7D").stream)
        let mutation = try #require(
            await endpoint.respondWithStream(to: GraphQLRequest(query: "mutation { reset }")).stream
        )

        #expect(await query.jsonStrings() == [#"{"data":{"now":"noon"}}"#])
        #expect(await mutation.jsonStrings() == [#"{"data":{"reset":true}}"#])
    }

    @Test(
        "what fails before any result is an ordinary response",
        arguments: [
            (#"{"query": 1}"#, GraphQLResponse.Outcome.malformedRequest),
            (#"{"query":"subscription {"}"#, .invalidDocument),
            (#"{"query":"subscription { forever { number } nope }"}"#, .invalidDocument),
            (#"{"query":"query A { now } query B { now }","operationName":"C"}"#, .invalidRequest),
            (#"{"query":"subscription { ticks(count: -1) { number } }"}"#, .invalidRequest),
        ]
    )
    func failures(body: String, outcome: GraphQLResponse.Outcome) async throws {
        let result = try await Self.endpoint().respondWithStream(toJSONBody: Array(body.utf8))

        #expect(result.failure?.outcome == outcome)
    }

    @Test("GET refuses a mutation over a stream as it does otherwise")
    func getMutation() async throws {
        let result = try await Self.endpoint().respondWithStream(toURLQuery: "query=mutation%20%7Breset%7D")

        #expect(result.failure?.outcome == .operationNotAllowed)
    }
}
