import GraphQL
import Testing

@Suite("Subscriptions")
struct SubscriptionTests {
    @Test("each event becomes one response, with the selection set applied to it")
    func oneResponsePerEvent() async throws {
        let result = try await TickerSchema.subscribe(
            "subscription { ticks(count: 3) { n: number label __typename } }"
        )
        let stream = try #require(result.stream)

        #expect(
            await stream.jsonStrings() == [
                #"{"data":{"ticks":{"n":0,"label":"tick 0","__typename":"Tick"}}}"#,
                #"{"data":{"ticks":{"n":1,"label":"tick 1","__typename":"Tick"}}}"#,
                #"{"data":{"ticks":{"n":2,"label":"tick 2","__typename":"Tick"}}}"#,
            ]
        )
    }

    @Test("every response is executed; a source with no events gives none")
    func outcomes() async throws {
        let three = try #require(try await TickerSchema.subscribe("subscription { ticks(count: 3) { number } }").stream)
        let none = try #require(try await TickerSchema.subscribe("subscription { ticks(count: 0) { number } }").stream)

        var outcomes: [GraphQLResponse.Outcome] = []
        for await response in three {
            outcomes.append(response.outcome)
        }
        #expect(outcomes == [.executed, .executed, .executed])
        #expect(await none.jsonStrings() == [])
    }

    @Test("events are pulled from the source one at a time, as responses are asked for")
    func pullsOnDemand() async throws {
        let log = SourceLog()
        let result = try await TickerSchema.subscribe("subscription { ticks(count: 100) { number } }", log: log)
        var iterator = try #require(result.stream).makeAsyncIterator()

        #expect(log.pulls == 0)
        _ = await iterator.next()
        _ = await iterator.next()
        #expect(log.pulls == 2)
    }

    @Test("a source that throws ends the stream with one response carrying the error, without data")
    func sourceFails() async throws {
        let result = try await TickerSchema.subscribe(
            """
            subscription Watch($reason: String) {
              alias: ticks(count: 1, failWith: $reason) { number }
            }
            """,
            variables: ["reason": "the feed broke"]
        )

        let stream = try #require(result.stream)
        #expect(
            await stream.jsonStrings() == [
                #"{"data":{"alias":{"number":0}}}"#,
                #"{"errors":[{"message":"the feed broke","locations":[{"line":2,"column":3}],"path":["alias"],"#
                    + #""extensions":{"code":"SOURCE_FAILED"}}]}"#,
            ]
        )
    }

    @Test("cancelling the task that iterates ends the stream and terminates the source")
    func cancellation() async throws {
        let log = SourceLog()
        let seen = SourceLog()
        let result = try await TickerSchema.subscribe("subscription { forever { label } }", log: log)
        let stream = try #require(result.stream)
        let consumer = Task {
            var responses: [String] = []
            for await response in stream {
                responses.append(response.jsonString())
                seen.pulled()
            }
            return responses
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while seen.pulls == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }

        consumer.cancel()

        #expect(await consumer.value == [#"{"data":{"forever":{"label":"first"}}}"#])
        #expect(log.terminated)
    }

    @Test(
        "a subscription that cannot start is an invalid request without data",
        arguments: [
            (
                "subscription { ticks(count: -1) { number } }",
                #"{"errors":[{"message":"count must not be negative","locations":[{"line":1,"column":16}],"#
                    + #""path":["ticks"],"extensions":{"code":"BAD_COUNT"}}]}"#
            ),
            (
                "subscription { unwired { number } }",
                #"{"errors":[{"message":"Subscription field Subscription.unwired has no event stream.","#
                    + #""locations":[{"line":1,"column":16}],"path":["unwired"]}]}"#
            ),
            (
                "query { now }",
                #"{"errors":[{"message":"Only a subscription operation can be subscribed to, not a query.","#
                    + #""locations":[{"line":1,"column":1}]}]}"#
            ),
            (
                "subscription A { forever { label } } subscription B { forever { number } }",
                #"{"errors":[{"message":"Must provide operation name if query contains multiple operations."}]}"#
            ),
        ]
    )
    func cannotStart(query: String, expected: String) async throws {
        let failure = try #require(try await TickerSchema.subscribe(query).failure)

        #expect(failure.outcome == .invalidRequest)
        #expect(failure.jsonString() == expected)
    }

    @Test("variables that cannot be coerced fail the subscription before the source starts")
    func badVariables() async throws {
        let log = SourceLog()
        let result = try await TickerSchema.subscribe(
            "subscription ($count: Int!) { ticks(count: $count) { number } }",
            variables: ["count": "three"],
            log: log
        )
        let failure = try #require(result.failure)

        #expect(failure.outcome == .invalidRequest)
        #expect(failure.errors.count == 1)
        #expect(log.pulls == 0)
    }

    @Test("introspection names the subscription type and its fields")
    func introspection() async throws {
        let schema = try TickerSchema.make()
        let document = try parse(source: "{ __schema { subscriptionType { name fields { name } } } }")
        let response = await execute(schema: schema, document: document)

        #expect(
            response.jsonString()
                == #"{"data":{"__schema":{"subscriptionType":{"name":"Subscription","fields":[{"name":"ticks"},"#
                + #"{"name":"forever"},{"name":"unwired"}]}}}}"#
        )
    }
}
