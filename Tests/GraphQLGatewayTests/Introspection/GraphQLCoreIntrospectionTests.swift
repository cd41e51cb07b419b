import GatewayTestSupport
import GraphQL
import GraphQLGateway
import Testing

/// The derived schemas read back by graphql-core: its introspection query, `build_client_schema`,
/// and a comparison with the SDL the GraphQL module prints.
///
/// Skipped only when graphql-core is missing and `GATEWAY_REQUIRE_PYTHON` is not `1`.
@Suite(
    "Introspection against graphql-core",
    .enabled(if: PythonPackages.testsRun(needing: "graphql"), "graphql-core is missing")
)
struct GraphQLCoreIntrospectionTests {
    static let introspectionQuery = """
        from graphql import get_introspection_query
        print(get_introspection_query(descriptions=True, specified_by_url=True, directive_is_repeatable=True,
                                      schema_description=True, input_value_deprecation=True))
        """

    /// Prints the client schema built from the introspection result on stdin.
    static let printScript = """
        import json, sys
        from graphql import build_client_schema, print_schema
        result = json.load(sys.stdin)
        assert "errors" not in result, result.get("errors")
        print(print_schema(build_client_schema(result["data"])))
        """

    /// Compares the schema built from the SDL with the one built from introspection, block by block.
    static let compareScript = """
        import json, sys
        from graphql import build_client_schema, build_schema, print_schema
        given = json.load(sys.stdin)
        from_sdl = print_schema(build_schema(given["sdl"]))
        from_introspection = print_schema(build_client_schema(given["introspection"]["data"]))
        a, b = sorted(from_sdl.split("\\n\\n")), sorted(from_introspection.split("\\n\\n"))
        if a != b:
            sys.exit("\\n".join(x + "\\n---\\n" + y for x, y in zip(a, b) if x != y))
        """

    /// The introspection result of `schema` for graphql-core's standard query.
    static func introspect(_ schema: GraphQLSchema) async throws -> GraphQLResponse {
        let query = try Python.run(["-c", introspectionQuery])
        try #require(query.status == 0, "graphql-core is required: \(query.errorOutput)")

        let response = await GraphQLEndpoint(schema: schema).respond(to: GraphQLRequest(query: query.output))
        #expect(response.errors.isEmpty)
        return response
    }

    @Test("the gateway's schema builds a client schema with the .proto comments as descriptions")
    func gatewaySchema() async throws {
        let schema = try GatewayHarness().gateway.schema
        let response = try await Self.introspect(schema)

        let printed = try Python.run(["-c", Self.printScript], input: response.jsonString())
        try #require(printed.status == 0, "build_client_schema failed: \(printed.errorOutput)")
        let sdl = printed.output
        #expect(sdl.contains("type Mutation {"))
        #expect(
            sdl.contains(
                "twilio_sendSms(\n    \"\"\"A request to send one message.\"\"\"\n    input: SendSmsInput!\n  ): Message"
            )
        )
        #expect(sdl.contains("\"\"\"A message as Twilio reports it.\"\"\"\ntype Message {"))
        #expect(sdl.contains("\"\"\"The message SID (SM or MM followed by 32 hex digits).\"\"\"\n  sid: String!"))
        #expect(sdl.contains("\"\"\"Checks a code that the user entered against a pending verification.\"\"\""))
        #expect(sdl.contains("One of `from`, `messagingServiceSid` (oneof `sender`): set at most one."))
        #expect(sdl.contains("twilio_gateway: GatewayInfo!"))
        #expect(sdl.contains("type Subscription {"))
        #expect(sdl.contains("One of `startOffset`, `startTime` (oneof `start`): set at most one."))
        #expect(sdl.contains("    startOffset: Int64\n"))
        #expect(sdl.contains("  ): Event\n"))
        #expect(sdl.contains("twilio_bulkSendSms(\n"))
        #expect(!sdl.contains("Health"))
    }

    @Test(
        "the printed SDL and introspection describe the same schema",
        arguments: ["gateway", "catalog"]
    )
    func sdlMatchesIntrospection(name: String) async throws {
        let schema =
            name == "gateway"
            ? try GatewayHarness().gateway.schema
            : try SchemaDerivationTests.derive(ProtoFixtures.catalog).schema
        let response = try await Self.introspect(schema)

        let input: GraphQLValue = ["sdl": .string(schema.printSchema()), "introspection": response.graphQLValue]
        let compared = try Python.run(["-c", Self.compareScript], input: input.jsonString())
        #expect(compared.status == 0, "SDL and introspection differ: \(compared.errorOutput)")
    }

    @Test("custom scalars, enums and map entries survive introspection")
    func catalogSchema() async throws {
        let schema = try SchemaDerivationTests.derive(ProtoFixtures.catalog).schema
        let response = try await Self.introspect(schema)

        let printed = try Python.run(["-c", Self.printScript], input: response.jsonString())
        try #require(printed.status == 0, "build_client_schema failed: \(printed.errorOutput)")
        let sdl = printed.output
        #expect(sdl.contains("scalar Int64"))
        #expect(sdl.contains("scalar UInt64"))
        #expect(sdl.contains("scalar Base64"))
        #expect(sdl.contains("enum Kind {\n  \"\"\"Not said.\"\"\"\n  KIND_UNSPECIFIED\n  BOOK\n}"))
        #expect(sdl.contains("labels: [ItemLabelsEntry!]!"))
        #expect(sdl.contains("twilio_items(pageSize: Int, kind: Kind): ItemPage"))
    }
}
