import Testing

@testable import GraphQLGateway

@Suite("Response media type")
struct GraphQLMediaTypeTests {
    @Test(
        "Accept headers and the type they get",
        arguments: [
            (nil, GraphQLMediaType.json),
            ("application/graphql-response+json", .graphQLResponse),
            ("Application/GraphQL-Response+JSON", .graphQLResponse),
            ("application/graphql-response+json;q=0", .json),
            ("application/json;q=0.5, application/graphql-response+json;q=0.8", .graphQLResponse),
            ("application/graphql-response+json;q=0.5, */*", .json),
            ("text/html", .json),
            (" application/json , application/graphql-response+json ", .graphQLResponse),
        ] as [(String?, GraphQLMediaType)]
    )
    func negotiate(accept: String?, expected: GraphQLMediaType) {
        #expect(GraphQLMediaType.negotiate(accept: accept) == expected)
    }
}
