import GatewayAPI
import GraphQL
import GraphQLGateway
import ProtoBridge
import RPCCore
import Testing

/// The derived Subscription fields against fake server-streaming RPCs over InProcessTransport.
@Suite("Subscription fields")
struct SubscriptionFieldTests {
    static func event(_ offset: Int64, _ type: String) -> Event {
        Event(
            offset: offset,
            type: type,
            receivedAt: "2026-01-01T00:00:0\(offset)Z",
            messageSID: SIDs.message,
            from: "+15551230000",
            to: "+15557654321",
            status: type == "message.status" ? "delivered" : "",
            parameters: ["Body": "hi \(offset)"]
        )
    }

    /// Subscribes to `query` and collects every result as JSON.
    static func results(
        _ harness: GatewayHarness,
        _ query: String,
        context: GatewayRequestContext = GatewayRequestContext()
    ) async throws -> [String] {
        let result = await harness.endpoint.respondWithStream(to: GraphQLRequest(query: query), context: context)
        guard case .stream(let stream) = result else {
            Issue.record("the subscription did not start: \(result)")
            return []
        }
        var strings: [String] = []
        for await response in stream {
            strings.append(response.jsonString())
        }
        return strings
    }

    /// Waits until `condition` holds, for at most ten seconds.
    static func eventually(_ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                return false
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    @Test("twilio_events streams one result per event and sends the arguments as the request")
    func events() async throws {
        let harness = try GatewayHarness()
        try harness.services.stream(
            .subscribeEvents,
            [Self.event(7, "sms.inbound"), Self.event(8, "message.status")]
        )

        let results = try await Self.results(
            harness,
            """
            subscription {
              twilio_events(types: ["sms.inbound", "message.status"], phoneNumber: "+15551230000",
                            startOffset: "7", consumer: "ops") {
                offset type from status parameters { key value }
              }
            }
            """,
            context: GatewayRequestContext(timeout: .seconds(1), metadata: ["authorization": "Bearer abc"])
        )

        #expect(
            results == [
                #"{"data":{"twilio_events":{"offset":"7","type":"sms.inbound","from":"+15551230000","status":"","#
                    + #""parameters":[{"key":"Body","value":"hi 7"}]}}}"#,
                #"{"data":{"twilio_events":{"offset":"8","type":"message.status","from":"+15551230000","#
                    + #""status":"delivered","parameters":[{"key":"Body","value":"hi 8"}]}}}"#,
            ]
        )
        let call = try #require(harness.services.calls.first)
        let request = try ProtoMessage(
            serializedBytes: call.request,
            typeName: "twilio.gateway.v1.SubscribeEventsRequest"
        )
        #expect(try request.strings("types") == ["sms.inbound", "message.status"])
        #expect(try request.string("phone_number") == "+15551230000")
        #expect(try request.int("start_offset") == 7)
        #expect(try request.string("consumer") == "ops")
        #expect(call.metadata["authorization"] == "Bearer abc")
        #expect(call.timeRemaining == nil, "a subscription's call must not get the request timeout")
    }

    @Test("a failed call ends the stream with the error a unary field gives")
    func failedCall() async throws {
        let harness = try GatewayHarness()
        try harness.services.stream(
            .subscribeEvents,
            [Self.event(1, "call.inbound")],
            end: RPCError(code: .unavailable, message: "the event log is closed")
        )

        let results = try await Self.results(harness, "subscription { twilio_events { offset } }")

        #expect(
            results == [
                #"{"data":{"twilio_events":{"offset":"1"}}}"#,
                #"{"errors":[{"message":"the event log is closed","locations":[{"line":1,"column":16}],"#
                    + #""path":["twilio_events"],"extensions":{"code":"UNAVAILABLE","retryable":true}}]}"#,
            ]
        )
    }

    @Test("a message that cannot be read becomes a null field with an error, and the stream goes on")
    func undecodableMessage() async throws {
        let harness = try GatewayHarness()
        let good = try Self.event(2, "optout").serializedBytes()
        harness.services.answer(.subscribeEvents, .stream([[0xFF, 0xFF], good], end: nil))

        let results = try await Self.results(harness, "subscription { twilio_events { offset } }")

        #expect(results.count == 2)
        #expect(results.first?.contains(#""data":{"twilio_events":null}"#) == true, "\(results)")
        #expect(results.first?.contains("The response of SubscribeEvents could not be read.") == true)
        #expect(results.last == #"{"data":{"twilio_events":{"offset":"2"}}}"#)
    }

    @Test("arguments the request cannot hold fail the subscription before any call")
    func invalidArguments() async throws {
        let harness = try GatewayHarness()

        let result = await harness.endpoint.respondWithStream(
            to: GraphQLRequest(
                query:
                    #"subscription { twilio_events(startOffset: "1", startTime: "2026-01-01T00:00:00Z") { offset } }"#
            )
        )

        guard case .failed(let response) = result else {
            Issue.record("the subscription started")
            return
        }
        #expect(response.outcome == .invalidRequest)
        #expect(response.errors.first?.extensions?["code"] == "INVALID_ARGUMENT")
        #expect(response.errors.first?.path == [.key("twilio_events")])
        #expect(harness.services.calls.isEmpty)
    }

    @Test("twilio_bulkSendSms takes one input and streams each update")
    func bulkSendSms() async throws {
        let harness = try GatewayHarness()
        let updates = (1...2).map { index in
            BulkSendSmsUpdate(
                result: BulkRecipientResult(index: Int32(index - 1), to: "+1555000000\(index)", outcome: .sent),
                progress: BulkProgress(total: 2, sent: Int32(index), remaining: Int32(2 - index))
            )
        }
        try harness.services.stream(.bulkSendSms, updates)

        let results = try await Self.results(
            harness,
            """
            subscription {
              twilio_bulkSendSms(input: {from: ["+15557654321"], bodyTemplate: "hi",
                                         recipients: [{to: "+15550000001"}, {to: "+15550000002"}]}) {
                result { index outcome } progress { sent remaining }
              }
            }
            """
        )

        #expect(
            results == [
                #"{"data":{"twilio_bulkSendSms":{"result":{"index":0,"outcome":"SENT"},"#
                    + #""progress":{"sent":1,"remaining":1}}}}"#,
                #"{"data":{"twilio_bulkSendSms":{"result":{"index":1,"outcome":"SENT"},"#
                    + #""progress":{"sent":2,"remaining":0}}}}"#,
            ]
        )
        let call = try #require(harness.services.calls.first)
        #expect(try call.decoded(as: BulkSendSmsRequest.self).recipients.map(\.to) == ["+15550000001", "+15550000002"])
    }

    @Test("cancelling the task that reads the results cancels the call")
    func cancellation() async throws {
        let harness = try GatewayHarness()
        try harness.services.stream(.subscribeEvents, [Self.event(1, "sms.inbound")], hang: true)
        let result = await harness.endpoint.respondWithStream(
            to: GraphQLRequest(query: "subscription { twilio_events { offset } }")
        )
        guard case .stream(let stream) = result else {
            Issue.record("the subscription did not start")
            return
        }
        let firstSeen = FirstResult()
        let reader = Task {
            for await response in stream {
                firstSeen.record(response.jsonString())
            }
        }
        #expect(try await Self.eventually { firstSeen.value != nil })

        reader.cancel()
        await reader.value

        #expect(firstSeen.value == #"{"data":{"twilio_events":{"offset":"1"}}}"#)
        #expect(try await Self.eventually { harness.services.cancellations == 1 })
    }

    @Test("a subscription over an ordinary request is refused with a hint, and no call is made")
    func notAStream() async throws {
        let harness = try GatewayHarness()

        let response = await harness.run("subscription { twilio_events { offset } }")

        #expect(response.outcome == .invalidRequest)
        #expect(response.errors.first?.message.contains("Accept: text/event-stream") == true)
        #expect(harness.services.calls.isEmpty)
    }
}
