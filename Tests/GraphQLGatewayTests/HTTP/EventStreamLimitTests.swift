import GatewayAPI
import GatewayTestSupport
import GraphQLGateway
import HTTPServer
import ServiceSupport
import Testing

/// The limits on open event streams: how many one client address may hold, and how many the
/// server serves in all; each refusal says what to do and logs one line naming the limit and the
/// client's address.
@Suite("GraphQL event stream limits", .enabled(if: PythonPackages.standardLibraryTestsRun, "python3 is missing"))
struct EventStreamLimitTests {
    private static func withGateway(
        _ options: GraphQLHTTPHandler.EventStreamOptions,
        logs: InMemoryLogHandler,
        _ body: (GatewayHarness, Int) async throws -> Void
    ) async throws {
        let harness = try GatewayHarness()
        try harness.services.stream(.subscribeEvents, EventStreamTests.events(1...1), hang: true)
        let logger = Logger(label: "test.graphql", handler: logs, minimumLevel: .info)
        var router = HTTPRouter()
        let handler = GraphQLHTTPHandler(
            endpoint: harness.endpoint,
            requestTimeout: .seconds(5),
            logger: logger,
            eventStreams: options
        )
        handler.register(in: &router)
        try await withServer(handler: router.handler) { try await body(harness, $0) }
    }

    private static let request = EventStreamClient.Request(
        body: #"{"query":"subscription { twilio_events { offset } }"}"#
    )

    @Test("by default one address holds at most 16 streams: the 17th gets 429, and another address still gets one")
    func perAddress() async throws {
        let logs = InMemoryLogHandler()
        try await Self.withGateway(GraphQLHTTPHandler.EventStreamOptions(), logs: logs) { _, port in
            let result = try await EventStreamClient.limit(Self.request, port: port, holding: 16, thenFrom: "127.0.0.2")

            #expect(result.held.map(\.status) == Array(repeating: 200, count: 16))
            #expect(result.extra.status == 429)
            #expect(result.extra.headers["retry-after"] == "1")
            #expect(
                result.extra.body
                    == #"{"errors":[{"message":"This address already has 16 GraphQL event streams open, as many as "#
                    + #"it may at once; close one and try again."}]}"#
            )
            #expect(result.other?.status == 200)
            #expect(result.other?.events.map(\.event) == ["next"])
        }
        let rejected = logs.records.filter { $0.message == "graphql.request.rejected" }
        #expect(rejected.count == 1)
        #expect(rejected.first?.level == .notice)
        #expect(rejected.first?.metadata["graphql.limit"] == "max_streams_per_address")
        #expect(rejected.first?.metadata["graphql.limit.count"] == "16")
        #expect(rejected.first?.metadata["http.peer"] == "127.0.0.1")
    }

    @Test("the per-address limit follows its option")
    func configured() async throws {
        let logs = InMemoryLogHandler()
        let options = GraphQLHTTPHandler.EventStreamOptions(maxConcurrentStreams: 3, maxStreamsPerAddress: 2)
        try await Self.withGateway(options, logs: logs) { _, port in
            let own = try await EventStreamClient.limit(Self.request, port: port, holding: 2, thenFrom: "127.0.0.2")
            #expect(own.extra.status == 429)
            #expect(own.extra.body.contains("already has 2 GraphQL event streams open"), "\(own.extra.body)")
            #expect(own.other?.status == 200)
        }
        #expect(
            logs.records.filter { $0.message == "graphql.request.rejected" }.map { $0.metadata["graphql.limit"] }
                == ["max_streams_per_address"]
        )
    }

    @Test("one stream past the total gets 503 and logs graphql.request.rejected naming max_streams and the peer")
    func total() async throws {
        let logs = InMemoryLogHandler()
        let options = GraphQLHTTPHandler.EventStreamOptions(maxConcurrentStreams: 2)
        try await Self.withGateway(options, logs: logs) { _, port in
            let result = try await EventStreamClient.limit(Self.request, port: port, holding: 2)
            #expect(result.held.map(\.status) == [200, 200])
            #expect(result.extra.status == 503)
            #expect(result.extra.headers["retry-after"] == "1")
        }
        let rejected = logs.records.filter { $0.message == "graphql.request.rejected" }
        #expect(rejected.count == 1)
        #expect(rejected.first?.level == .notice)
        #expect(rejected.first?.metadata["graphql.limit"] == "max_streams")
        #expect(rejected.first?.metadata["graphql.limit.count"] == "2")
        #expect(rejected.first?.metadata["http.peer"] == "127.0.0.1")
    }
}
