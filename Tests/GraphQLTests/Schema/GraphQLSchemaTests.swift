import GraphQL
import Testing

@Suite("Schema construction")
struct GraphQLSchemaTests {
    static let query = GraphQLObjectType(name: "Query", fields: [GraphQLField(name: "a", type: .string)])

    static func problems(types: [GraphQLNamedType], query: GraphQLObjectType = query) -> [String] {
        do {
            _ = try GraphQLSchema(query: query, types: types)
            return []
        } catch {
            return error.problems
        }
    }

    @Test("a valid schema registers roots, given types, built-in scalars and introspection types")
    func registry() throws {
        let schema = SampleSchema.schema
        #expect(schema.type(named: "User") != nil)
        #expect(schema.type(named: "Boolean") != nil)
        #expect(schema.type(named: "__Schema") != nil)
        #expect(schema.types.first?.name == "Query")
        #expect(schema.possibleTypes(of: "Node").map(\.name) == ["User", "Post"])
        #expect(schema.possibleTypes(of: "SearchResult").map(\.name) == ["User", "Post"])
        #expect(schema.isSubType(.nonNull(.named("User")), of: .named("Node")))
        #expect(!schema.isSubType(.list(.named("User")), of: .named("Node")))
        #expect(schema.directive(named: "oneOf") != nil)
        #expect(schema.rootType(for: .subscription) == nil)
    }

    @Test(
        "construction reports every problem",
        arguments: [
            (
                [
                    GraphQLNamedType.object(
                        GraphQLObjectType(name: "bad-name", fields: [GraphQLField(name: "a", type: .string)])
                    )
                ],
                [#"Names must only contain [_a-zA-Z0-9] but "bad-name" does not."#]
            ),
            (
                [.object(GraphQLObjectType(name: "__Mine", fields: [GraphQLField(name: "a", type: .string)]))],
                [#"Name "__Mine" must not begin with "__", which is reserved by GraphQL introspection."#]
            ),
            ([.object(GraphQLObjectType(name: "Empty", fields: []))], ["Type Empty must define one or more fields."]),
            (
                [.object(GraphQLObjectType(name: "T", fields: [GraphQLField(name: "x", type: .named("Missing"))]))],
                [#"Unknown type "Missing" referenced by field "T.x"."#]
            ),
            (
                [
                    .object(GraphQLObjectType(name: "T", fields: [GraphQLField(name: "x", type: .named("In"))])),
                    .inputObject(
                        GraphQLInputObjectType(name: "In", fields: [GraphQLInputField(name: "a", type: .string)])
                    ),
                ],
                ["The type of T.x must be Output Type but got: In."]
            ),
            (
                [
                    .object(
                        GraphQLObjectType(
                            name: "T",
                            fields: [
                                GraphQLField(
                                    name: "x",
                                    type: .string,
                                    arguments: [GraphQLArgument(name: "t", type: .named("T"))]
                                )
                            ]
                        )
                    )
                ],
                ["The type of T.x(t:) must be Input Type but got: T."]
            ),
            (
                [
                    .object(
                        GraphQLObjectType(
                            name: "T",
                            fields: [GraphQLField(name: "x", type: .string), GraphQLField(name: "x", type: .int)]
                        )
                    )
                ],
                [#"Field "T.x" can only be defined once."#]
            ),
            (
                [
                    .interface(
                        GraphQLInterfaceType(name: "I", fields: [GraphQLField(name: "id", type: .nonNull(.id))])
                    ),
                    .object(
                        GraphQLObjectType(
                            name: "T",
                            interfaces: ["I"],
                            fields: [GraphQLField(name: "x", type: .string)]
                        )
                    ),
                ],
                ["Interface field I.id expected but T does not provide it."]
            ),
            (
                [
                    .interface(
                        GraphQLInterfaceType(name: "I", fields: [GraphQLField(name: "id", type: .nonNull(.id))])
                    ),
                    .object(
                        GraphQLObjectType(name: "T", interfaces: ["I"], fields: [GraphQLField(name: "id", type: .id)])
                    ),
                ],
                ["Interface field I.id expects type ID! but T.id is type ID."]
            ),
            (
                [
                    .object(
                        GraphQLObjectType(
                            name: "T",
                            interfaces: ["String"],
                            fields: [GraphQLField(name: "x", type: .string)]
                        )
                    )
                ],
                ["Type T must only implement Interface types, it cannot implement String."]
            ),
            ([.union(GraphQLUnionType(name: "U", types: []))], ["Union type U must define one or more member types."]),
            (
                [.union(GraphQLUnionType(name: "U", types: ["String"]))],
                ["Union type U can only include Object types, it cannot include String."]
            ),
            ([.enum(GraphQLEnumType(name: "E", values: []))], ["Enum type E must define one or more values."]),
            (
                [.enum(GraphQLEnumType(name: "E", values: [GraphQLEnumValue(name: "true")]))],
                ["Enum type E cannot include value: true."]
            ),
            (
                [
                    .inputObject(
                        GraphQLInputObjectType(
                            name: "O",
                            fields: [
                                GraphQLInputField(name: "a", type: .nonNull(.string)),
                                GraphQLInputField(name: "b", type: .int, defaultValue: 1),
                            ],
                            isOneOf: true
                        )
                    )
                ],
                ["OneOf input field O.a must be nullable.", "OneOf input field O.b cannot have a default value."]
            ),
            (
                [
                    .inputObject(
                        GraphQLInputObjectType(
                            name: "O",
                            fields: [GraphQLInputField(name: "a", type: .int, defaultValue: "x")]
                        )
                    )
                ],
                [#"Default value of input field O.a is invalid: Int cannot represent non-integer value: "x""#]
            ),
            (
                [
                    .inputObject(
                        GraphQLInputObjectType(
                            name: "O",
                            fields: [GraphQLInputField(name: "a", type: .nonNull(.int), deprecationReason: "old")]
                        )
                    )
                ],
                ["Required input field O.a cannot be deprecated."]
            ),
            (
                [.object(GraphQLObjectType(name: "Query", fields: [GraphQLField(name: "b", type: .string)]))],
                [#"Schema must contain uniquely named types but contains multiple types named "Query"."#]
            ),
            (
                [.scalar(GraphQLScalarType(name: "String", serialize: { _ in .null }, parseValue: { $0 }))],
                [#"Schema must contain uniquely named types but contains multiple types named "String"."#]
            ),
        ] as [([GraphQLNamedType], [String])]
    )
    func problems(types: [GraphQLNamedType], expected: [String]) {
        #expect(Self.problems(types: types) == expected)
    }
}
