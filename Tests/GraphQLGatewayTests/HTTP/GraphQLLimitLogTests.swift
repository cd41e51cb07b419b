import GraphQLGateway
import HTTPServer
import ServiceSupport
import Testing

/// A document refused for a limit gets one log line naming the limit and the client, whether it
/// was sent for a JSON answer or for an event stream; other invalid documents get none.
@Suite("GraphQL limit refusals in the log")
struct GraphQLLimitLogTests {
    static let deep =
        #"{"query":"# + "\"" + String(repeating: "{ a ", count: 70) + String(repeating: "}", count: 70)
        + "\"}"

    @Test(
        "a document nested past the limit logs graphql.document.rejected once, naming max_depth and the peer",
        arguments: ["application/json", "text/event-stream"]
    )
    func depthLogged(accept: String) async throws {
        let records = InMemoryLogHandler()
        let logger = Logger(label: "test.graphql", handler: records, minimumLevel: .info)
        let harness = try GatewayHarness()
        var router = HTTPRouter()
        GraphQLHTTPHandler(endpoint: harness.endpoint, requestTimeout: .seconds(5), logger: logger)
            .register(in: &router)
        try await withServer(handler: router.handler) { port in
            let arguments = ["-X", "POST", "-H", "Content-Type: application/json", "-H", "Accept: \(accept)"]
            let response = try await Curl.request(
                arguments + ["--data-binary", Self.deep],
                path: "/graphql",
                port: port
            )
            #expect(response.body.contains("Document nesting is deeper than the limit of 64."), "\(response.body)")
            let syntax = try await Curl.request(
                arguments + ["--data-binary", #"{"query":"{ a "}"#],
                path: "/graphql",
                port: port
            )
            #expect(syntax.body.contains("Syntax Error"), "\(syntax.body)")
        }
        let rejected = records.records.filter { $0.message == "graphql.document.rejected" }
        #expect(rejected.count == 1)
        #expect(rejected.first?.metadata["graphql.limit"] == "max_depth")
        #expect(rejected.first?.metadata["http.peer"] == "127.0.0.1")
        #expect(rejected.first?.level == .notice)
    }

    @Test("a document over the conflicting-fields budget logs graphql.document.rejected naming max_field_comparisons")
    func comparisonBudgetLogged() async throws {
        let records = InMemoryLogHandler()
        let logger = Logger(label: "test.graphql", handler: records, minimumLevel: .info)
        let harness = try GatewayHarness()
        var router = HTTPRouter()
        GraphQLHTTPHandler(endpoint: harness.endpoint, requestTimeout: .seconds(5), logger: logger)
            .register(in: &router)
        let body = #"{"query":"{ "# + String(repeating: "__typename ", count: 4_999) + #"}"}"#
        try await withServer(handler: router.handler) { port in
            let response = try await Curl.request(
                ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", body],
                path: "/graphql",
                port: port
            )
            #expect(response.body.contains("more than the limit of 100000 field comparisons"), "\(response.body)")
        }
        let rejected = records.records.filter { $0.message == "graphql.document.rejected" }
        #expect(rejected.map { $0.metadata["graphql.limit"] } == ["max_field_comparisons"])
        #expect(rejected.first?.metadata["http.peer"] == "127.0.0.1")
    }
}
