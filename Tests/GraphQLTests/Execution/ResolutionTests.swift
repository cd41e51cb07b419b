import GraphQL
import Testing

/// A parent that answers for its own fields.
struct Pet: GraphQLFieldValueProviding {
    var name: String
    var kind: String

    func graphQLFieldValue(named name: String) -> (any Sendable)? {
        name == "name" ? self.name : nil
    }
}

@Suite("Value resolution")
struct ResolutionTests {
    static let pet = GraphQLObjectType(
        name: "Pet",
        interfaces: ["Named"],
        fields: [GraphQLField(name: "name", type: .string)],
        isTypeOf: { value, _, _ in (value as? Pet)?.kind == "pet" }
    )
    static let robot = GraphQLObjectType(
        name: "Robot",
        interfaces: ["Named"],
        fields: [GraphQLField(name: "name", type: .string), GraphQLField(name: "serial", type: .int)]
    )
    static let named = GraphQLInterfaceType(name: "Named", fields: [GraphQLField(name: "name", type: .string)])
    static let query = GraphQLObjectType(
        name: "Query",
        fields: [
            GraphQLField(name: "pet", type: .named("Named")) { _, _, _, _ in Pet(name: "Rex", kind: "pet") },
            GraphQLField(name: "robot", type: .named("Named")) { _, _, _, _ in
                ["__typename": "Robot", "name": "R2", "serial": 2] as [String: any Sendable]
            },
            GraphQLField(name: "unknown", type: .named("Named")) { _, _, _, _ in Pet(name: "?", kind: "other") },
            GraphQLField(name: "impossible", type: .named("Named")) { _, _, _, _ in
                ["__typename": "Query"] as GraphQLValue
            },
            GraphQLField(name: "strictPet", type: .named("Pet")) { _, _, _, _ in Pet(name: "Fake", kind: "robot") },
            GraphQLField(
                name: "greet",
                type: .nonNull(.string),
                arguments: [GraphQLArgument(name: "name", type: .nonNull(.string))]
            ) { _, arguments, _, _ in "hi \(arguments["name"]?.stringValue ?? "")" },
            GraphQLField(name: "optionalList", type: .list(.int)) { _, _, _, _ in
                let values: [Int?] = [1, nil, 3]
                return values
            },
        ]
    )
    static let schema = try! GraphQLSchema(query: query, types: [.object(pet), .object(robot), .interface(named)])

    func run(_ query: String) async throws -> GraphQLResponse {
        await execute(schema: Self.schema, document: try parse(source: query))
    }

    @Test("abstract types resolve through isTypeOf, then a __typename member")
    func abstractResolution() async throws {
        let response = try await run("{ pet { __typename name } robot { __typename name ... on Robot { serial } } }")
        #expect(response.errors.isEmpty)
        #expect(
            response.data == [
                "pet": ["__typename": "Pet", "name": "Rex"],
                "robot": ["__typename": "Robot", "name": "R2", "serial": 2],
            ]
        )
    }

    @Test("values no type claims, impossible types and failed isTypeOf are field errors")
    func resolutionErrors() async throws {
        let response = try await run("{ unknown { name } impossible { name } strictPet { name } }")
        #expect(response.data == ["unknown": nil, "impossible": nil, "strictPet": nil])
        #expect(
            response.errors.map(\.message) == [
                #"Abstract type "Named" must resolve to an Object type at runtime for field "Query.unknown". "#
                    + #"Either the "Named" type should provide a "resolveType" function or each possible type "#
                    + #"should provide an "isTypeOf" function."#,
                #"Runtime Object type "Query" is not a possible type for "Named"."#,
                #"Expected value of type "Pet" but got: Pet(name: "Fake", kind: "robot")."#,
            ]
        )
    }

    @Test("argument errors found during execution become field errors")
    func argumentErrors() async throws {
        let response = try await run("{ greet }")
        #expect(response.data == .null)
        #expect(response.errors.map(\.message) == [#"Argument "name" of required type "String!" was not provided."#])
        #expect(response.errors.first?.path == [.key("greet")])
    }

    @Test("arrays of optionals complete with nulls")
    func optionalItems() async throws {
        let response = try await run("{ optionalList }")
        #expect(response.data == ["optionalList": [1, nil, 3]])
    }
}
