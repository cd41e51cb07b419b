internal import Foundation
import GatewayTestSupport
import GraphQL
import Testing

/// Feeds the standard introspection query's result to graphql-core's `build_client_schema`.
///
/// Skipped only when graphql-core is missing and `GATEWAY_REQUIRE_PYTHON` is not `1`.
@Suite("Introspection against graphql-core")
struct GraphQLCoreIntrospectionTests {

    @Test(
        "the standard introspection query builds a client schema",
        .enabled(if: PythonPackages.testsRun(needing: "graphql"), "graphql-core is not installed"),
        arguments: [
            "descriptions=True",
            "descriptions=True, specified_by_url=True, directive_is_repeatable=True, schema_description=True, "
                + "input_value_deprecation=True",
        ]
    )
    func buildClientSchema(options: String) async throws {
        let query = try Self.runPython(
            ["-c", "from graphql import get_introspection_query; print(get_introspection_query(\(options)))"]
        )
        try #require(query.status == 0, "graphql-core is required: \(query.error)")

        let document = try parse(source: query.output)
        #expect(validate(schema: SampleSchema.schema, document: document).isEmpty)
        let response = await execute(schema: SampleSchema.schema, document: document)
        #expect(response.errors.isEmpty)

        let printed = try Self.runPython(["-c", Self.printScript], input: response.jsonString())
        try #require(printed.status == 0, "build_client_schema failed: \(printed.error)")
        let sdl = printed.output
        #expect(sdl.contains("type User implements Node {"))
        #expect(sdl.contains("union SearchResult = User | Post"))
        #expect(sdl.contains("nickname: String @deprecated(reason: \"Use name.\")"))
        #expect(sdl.contains("BLUE @deprecated(reason: \"Use GREEN.\")"))
        #expect(sdl.contains("color: Color = RED"))
        #expect(sdl.contains("text: String = \"default\""))
        #expect(sdl.contains("directive @tag"))
        #expect(sdl.contains("type Mutation {"))
        if options.contains("specified_by_url") {
            #expect(sdl.contains("scalar Long @specifiedBy(url: \"https://example.com/long\")"))
            #expect(sdl.contains("directive @tag(name: String) repeatable on FIELD | QUERY"))
            #expect(sdl.contains("old: String @deprecated(reason: \"Do not use.\")"))
            #expect(sdl.contains("\"\"\"The sample schema.\"\"\"\nschema {"))
        }
    }

    @Test(
        "the printed SDL describes the same schema as introspection",
        .enabled(if: PythonPackages.testsRun(needing: "graphql"), "graphql-core is not installed")
    )
    func printedSDL() async throws {
        let query = try Self.runPython(
            [
                "-c",
                "from graphql import get_introspection_query; print(get_introspection_query(descriptions=True, "
                    + "specified_by_url=True, directive_is_repeatable=True, schema_description=True, "
                    + "input_value_deprecation=True))",
            ]
        )
        try #require(query.status == 0, "graphql-core is required: \(query.error)")
        let response = await execute(schema: SampleSchema.schema, document: try parse(source: query.output))
        let sdl = SampleSchema.schema.printSchema()
        #expect(sdl.contains("type Query {\n  \"\"\"A greeting.\"\"\"\n  hello: String!"))
        let input: GraphQLValue = ["sdl": .string(sdl), "introspection": response.graphQLValue]
        let compared = try Self.runPython(["-c", Self.compareScript], input: input.jsonString())
        #expect(compared.status == 0, "SDL and introspection differ: \(compared.error)")
    }

    @Test("introspection reports isOneOf and descriptions")
    func oneOfAndDescriptions() async throws {
        let response = try await SampleSchema.run(
            """
            {
              lookup: __type(name: "LookupBy") { kind isOneOf inputFields { name type { name } } }
              echo: __type(name: "EchoInput") { isOneOf description }
              user: __type(name: "User") { isOneOf fields(includeDeprecated: false) { name } interfaces { name } }
              list: __type(name: "Node") { possibleTypes { name } }
              missing: __type(name: "Nope") { name }
              __schema { queryType { name } mutationType { name } subscriptionType { name } description }
            }
            """
        )
        #expect(response.errors.isEmpty)
        let data = try #require(response.data)
        #expect(
            data["lookup"] == [
                "kind": "INPUT_OBJECT", "isOneOf": true,
                "inputFields": [
                    ["name": "id", "type": ["name": "ID"]], ["name": "name", "type": ["name": "String"]],
                ],
            ]
        )
        #expect(data["echo"] == ["isOneOf": false, "description": "What to echo."])
        #expect(data["user"]?["isOneOf"] == .null)
        #expect(data["user"]?["fields"]?.listValue?.contains(["name": "nickname"]) == false)
        #expect(data["user"]?["interfaces"] == [["name": "Node"]])
        #expect(data["list"] == ["possibleTypes": [["name": "User"], ["name": "Post"]]])
        #expect(data["missing"] == .null)
        #expect(
            data["__schema"] == [
                "queryType": ["name": "Query"], "mutationType": ["name": "Mutation"], "subscriptionType": nil,
                "description": "The sample schema.",
            ]
        )
    }

    private static let printScript = """
        import json, sys
        from graphql import build_client_schema, print_schema
        result = json.load(sys.stdin)
        assert "errors" not in result, result.get("errors")
        print(print_schema(build_client_schema(result["data"])))
        """

    /// Builds one schema from the SDL and one from introspection, and compares their printed blocks.
    private static let compareScript = """
        import json, sys
        from graphql import build_client_schema, build_schema, print_schema
        given = json.load(sys.stdin)
        # graphql-core 3.2's introspection query does not ask for isOneOf.
        from_sdl = print_schema(build_schema(given["sdl"])).replace(" @oneOf", "")
        from_introspection = print_schema(build_client_schema(given["introspection"]["data"]))
        a, b = sorted(from_sdl.split("\\n\\n")), sorted(from_introspection.split("\\n\\n"))
        if a != b:
            sys.exit("\\n".join(x + "\\n---\\n" + y for x, y in zip(a, b) if x != y))
        """

    struct Output {
        var status: Int32
        var output: String
        var error: String
    }

    static func runPython(_ arguments: [String], input: String = "") throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            output: String(decoding: output, as: UTF8.self),
            error: String(decoding: error, as: UTF8.self)
        )
    }
}
