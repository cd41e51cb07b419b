import Foundation
import GraphQL
import GraphQLGateway
import HTTPServer
import ServiceSupport
import Synchronization
import Testing

/// GraphQL work runs on the handler's own threads: while as many requests as there are cores
/// keep their threads busy, the server's other routes still answer.
@Suite("GraphQL work off the cooperative pool")
struct GraphQLWorkThreadTests {
    /// Resolvers that keep their thread busy, as a costly document does, until released.
    final class BusyField: Sendable {
        let arrived = Atomic(0)
        let released = Atomic(false)
        let gaveUp = Atomic(0)

        /// Spins until released, or gives up (and counts it) after 10 seconds.
        func spin() -> String {
            arrived.add(1, ordering: .sequentiallyConsistent)
            let limit = ContinuousClock.now + .seconds(10)
            while !released.load(ordering: .sequentiallyConsistent) {
                if ContinuousClock.now > limit {
                    gaveUp.add(1, ordering: .sequentiallyConsistent)
                    return "gave up"
                }
            }
            return "done"
        }
    }

    static func makeEndpoint(_ field: BusyField) throws -> GraphQLEndpoint {
        let query = GraphQLObjectType(
            name: "Query",
            fields: [GraphQLField(name: "busy", type: .string) { _, _, _, _ in field.spin() }]
        )
        return GraphQLEndpoint(schema: try GraphQLSchema(query: query))
    }

    @Test("/healthz answers while one busy GraphQL request per core holds its thread")
    func healthzAnswersDuringBusyRequests() async throws {
        let field = BusyField()
        defer { field.released.store(true, ordering: .sequentiallyConsistent) }
        var router = HTTPRouter()
        GraphQLHTTPHandler(endpoint: try Self.makeEndpoint(field)).register(in: &router)
        router.add(.get, "/healthz") { _ in .text("ok\n") }
        let busyCount = ProcessInfo.processInfo.activeProcessorCount

        try await withServer(handler: router.handler) { port in
            try await withThrowingTaskGroup(of: Curl.Response.self) { group in
                for _ in 0..<busyCount {
                    group.addTask {
                        try await Curl.request(
                            ["-H", "Content-Type: application/json", "--data-binary", #"{"query":"{ busy }"}"#],
                            path: "/graphql",
                            port: port
                        )
                    }
                }
                for _ in 0..<200 where field.arrived.load(ordering: .sequentiallyConsistent) < busyCount {
                    try await Task.sleep(for: .milliseconds(25))
                }
                let health = try await Curl.request([], path: "/healthz", port: port)
                let stillBusy = field.arrived.load(ordering: .sequentiallyConsistent)
                field.released.store(true, ordering: .sequentiallyConsistent)

                #expect(health.status == 200)
                #expect(stillBusy == busyCount)
                #expect(field.gaveUp.load(ordering: .sequentiallyConsistent) == 0)
                for try await busy in group {
                    #expect(busy.body == #"{"data":{"busy":"done"}}"#)
                }
            }
        }
    }

    @Test("one address with as many requests in flight as it may gets 429 for one more; others still run")
    func perAddressLimit() async throws {
        let field = BusyField()
        defer { field.released.store(true, ordering: .sequentiallyConsistent) }
        let records = InMemoryLogHandler()
        let logger = Logger(label: "test.graphql", handler: records, minimumLevel: .info)
        var router = HTTPRouter()
        let handler = GraphQLHTTPHandler(
            endpoint: try Self.makeEndpoint(field),
            logger: logger,
            maxRequestsInFlightPerAddress: 1
        )
        handler.register(in: &router)

        try await withServer(handler: router.handler) { port in
            let busy = Task {
                try await Curl.request(
                    ["-H", "Content-Type: application/json", "--data-binary", #"{"query":"{ busy }"}"#],
                    path: "/graphql",
                    port: port
                )
            }
            for _ in 0..<200 where field.arrived.load(ordering: .sequentiallyConsistent) < 1 {
                try await Task.sleep(for: .milliseconds(25))
            }
            let refused = try await Curl.request(
                ["-H", "Content-Type: application/json", "--data-binary", #"{"query":"{ __typename }"}"#],
                path: "/graphql",
                port: port
            )
            field.released.store(true, ordering: .sequentiallyConsistent)
            #expect(refused.status == 429)
            #expect(refused.body.contains("1 GraphQL requests in flight"))
            #expect(refused.header("Retry-After") == "1")
            #expect(try await busy.value.status == 200)

            let after = try await Curl.request(
                ["-H", "Content-Type: application/json", "--data-binary", #"{"query":"{ __typename }"}"#],
                path: "/graphql",
                port: port
            )
            #expect(after.status == 200)
        }
        let rejected = records.records.filter { $0.message == "graphql.request.rejected" }
        #expect(rejected.map { $0.metadata["graphql.limit"] } == ["max_requests_in_flight_per_address"])
        #expect(rejected.first?.metadata["http.peer"] == "127.0.0.1")
    }
}
