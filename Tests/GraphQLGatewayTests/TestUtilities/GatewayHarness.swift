import GraphQL
import GraphQLGateway

/// A derived gateway schema over ``FakeServices``, with helpers to run documents.
struct GatewayHarness {
    static let version = "1.2.3-test"

    let services = FakeServices()
    let gateway: GatewaySchema
    let endpoint: GraphQLEndpoint

    init(excludedServices: Set<String> = GatewayConfiguration.defaultExcludedServices) throws {
        gateway = try GatewaySchema(
            transport: services.makeTransport(),
            configuration: GatewayConfiguration(version: Self.version, excludedServices: excludedServices)
        )
        endpoint = gateway.makeEndpoint()
    }

    /// Runs `query` as a POST request would.
    func run(
        _ query: String,
        variables: GraphQLObject = [:],
        operationName: String? = nil,
        context: GatewayRequestContext = GatewayRequestContext()
    ) async -> GraphQLResponse {
        await endpoint.respond(
            to: GraphQLRequest(query: query, operationName: operationName, variables: variables),
            context: context
        )
    }
}
