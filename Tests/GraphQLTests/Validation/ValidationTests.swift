import GraphQL
import Testing

@Suite("Validation")
struct ValidationTests {
    static func messages(_ query: String) throws -> [String] {
        validate(schema: SampleSchema.schema, document: try parse(source: query)).map(\.message)
    }

    @Test(
        "valid documents pass every rule",
        arguments: [
            #"{ hello user(id: "1") { ...F ... on User { name } ... { id } } }  fragment F on Node { id }"#,
            #"query A { hello } query B { hello }"#,
            #"query ($id: ID!, $c: Color = RED) { user(id: $id) { name } echo(color: $c) }"#,
            #"query ($t: String) { echo(input: {text: "x"}, text: $t) }"#,
            #"query ($t: String) { echo(text: $t) @tag @tag(name: "twice") }"#,
            #"query ($b: Boolean!) { hello @skip(if: $b) @include(if: true) }"#,
            #"{ search { ... on User { name } ... on Post { title } __typename } }"#,
            #"{ a: user(id: "1") { name } a: user(id: "1") { name } }"#,
            #"{ node(id: "1") { ... on User { x: name } ... on Post { x: title } } }"#,
            #"{ lookup(by: {id: 1}) }"#,
            #"query ($id: ID!) { lookup(by: {id: $id}) }"#,
            #"query ($i: Int = 1) { echo(input: {text: "a", times: $i}) }"#,
            #"query ($t: String = "x") { echo(input: {text: $t}) }"#,
            #"{ __schema { types { name } } __type(name: "User") { name } }"#,
            #"mutation { record(entry: "x") }"#,
            #"{ echo(list: [1, 2]) e2: echo(list: 1) }"#,
            #"query ($l: [Int!]) { echo(list: $l) }"#,
        ]
    )
    func valid(query: String) throws {
        #expect(try Self.messages(query) == [])
    }

    @Test(
        "each rule reports its violations",
        arguments: [
            // Executable definitions.
            (#"{ hello } type Foo { a: String }"#, [#"The "Foo" definition is not executable."#]),
            (#"{ hello } schema { query: Query }"#, ["The schema definition is not executable."]),
            // Operation names and anonymous operations.
            (#"query A { hello } query A { hello }"#, [#"There can be only one operation named "A"."#]),
            (#"{ hello } query B { hello }"#, ["This anonymous operation must be the only defined operation."]),
            (#"subscription { hello }"#, ["The schema is not configured to execute subscription operations."]),
            // Fields.
            (#"{ nope }"#, [#"Cannot query field "nope" on type "Query"."#]),
            (#"{ search { name } }"#, [#"Cannot query field "name" on type "SearchResult"."#]),
            (#"{ hello { x } }"#, [#"Field "hello" must not have a selection since type "String!" has no subfields."#]),
            (
                #"{ user(id: "1") }"#,
                [#"Field "user" of type "User" must have a selection of subfields. Did you mean "user { ... }"?"#]
            ),
            // Arguments.
            (#"{ hello(x: 1) }"#, [#"Unknown argument "x" on field "Query.hello"."#]),
            (#"{ hello @skip(if: true, unless: false) }"#, [#"Unknown argument "unless" on directive "@skip"."#]),
            (
                #"{ user { id } }"#,
                [#"Field "user" argument "id" of type "ID!" is required, but it was not provided."#]
            ),
            (
                #"{ hello @include }"#,
                [#"Directive "@include" argument "if" of type "Boolean!" is required, but it was not provided."#]
            ),
            (#"{ echo(text: "a", text: "b") }"#, [#"There can be only one argument named "text"."#]),
            // Directives.
            (#"{ hello @nope }"#, [#"Unknown directive "@nope"."#]),
            (#"query @skip(if: true) { hello }"#, [#"Directive "@skip" may not be used on QUERY."#]),
            (
                #"{ hello @skip(if: true) @skip(if: false) }"#,
                [#"The directive "@skip" can only be used once at this location."#]
            ),
            // Values.
            (
                #"{ user(id: true) { id } }"#,
                [
                    #"Expected value of type "ID!", found true; ID cannot represent a non-string and non-integer value: true"#
                ]
            ),
            (#"{ user(id: null) { id } }"#, [#"Expected value of type "ID!", found null."#]),
            (
                #"{ echo(list: [1, "x"]) }"#,
                [#"Expected value of type "Int", found "x"; Int cannot represent non-integer value: "x""#]
            ),
            (
                #"{ echo(list: 1.5) }"#,
                [#"Expected value of type "[Int]", found 1.5; Int cannot represent non-integer value: 1.5"#]
            ),
            (
                #"{ echo(color: PURPLE) }"#,
                [#"Expected value of type "Color", found PURPLE; Value "PURPLE" does not exist in "Color" enum."#]
            ),
            (
                #"{ echo(color: "RED") }"#,
                [#"Expected value of type "Color", found "RED"; Enum "Color" cannot represent non-enum value: "RED"."#]
            ),
            (
                #"{ echo(input: {times: 1}) }"#,
                [#"Field "EchoInput.text" of required type "String!" was not provided."#]
            ),
            (#"{ echo(input: {text: "a", nope: 1}) }"#, [#"Field "nope" is not defined by type "EchoInput"."#]),
            (#"{ echo(input: "text") }"#, [#"Expected value of type "EchoInput", found "text"."#]),
            (#"{ echo(input: {text: "a", text: "b"}) }"#, [#"There can be only one input field named "text"."#]),
            (
                #"{ echo(text: 2147483648) }"#,
                [
                    #"Expected value of type "String", found 2147483648; String cannot represent a non string value: 2147483648"#
                ]
            ),
            (
                #"{ echo(list: [2147483648]) }"#,
                [
                    #"Expected value of type "Int", found 2147483648; Int cannot represent non 32-bit signed integer value: 2147483648"#
                ]
            ),
            (
                #"query ($v: Int = "x") { echo(list: [$v]) }"#,
                [#"Expected value of type "Int", found "x"; Int cannot represent non-integer value: "x""#]
            ),
            // OneOf input objects.
            (#"{ lookup(by: {id: 1, name: "x"}) }"#, [#"OneOf Input Object "LookupBy" must specify exactly one key."#]),
            (#"{ lookup(by: {}) }"#, [#"OneOf Input Object "LookupBy" must specify exactly one key."#]),
            (#"{ lookup(by: {id: null}) }"#, [#"Field "LookupBy.id" must be non-null."#]),
            (
                #"query ($id: ID) { lookup(by: {id: $id}) }"#,
                [#"Variable "$id" must be non-nullable to be used for OneOf Input Object "LookupBy"."#]
            ),
            // Variables.
            (#"query ($a: Int, $a: Int) { echo(list: [$a]) }"#, [#"There can be only one variable named "$a"."#]),
            (#"query Q { echo(text: $t) }"#, [#"Variable "$t" is not defined by operation "Q"."#]),
            (#"{ echo(text: $t) }"#, [#"Variable "$t" is not defined."#]),
            (#"query Q($t: String) { hello }"#, [#"Variable "$t" is never used in operation "Q"."#]),
            (#"query ($t: String) { hello }"#, [#"Variable "$t" is never used."#]),
            (
                #"query ($u: User) { hello }"#,
                [#"Variable "$u" cannot be non-input type "User"."#, #"Variable "$u" is never used."#]
            ),
            (#"query ($u: Nope) { echo(text: $u) }"#, [#"Unknown type "Nope"."#]),
            (
                #"query ($id: ID) { user(id: $id) { id } }"#,
                [#"Variable "$id" of type "ID" used in position expecting type "ID!"."#]
            ),
            (
                #"query ($n: Int) { echo(text: $n) }"#,
                [#"Variable "$n" of type "Int" used in position expecting type "String"."#]
            ),
            (
                #"query ($l: [String]) { echo(input: {text: "a", tags: $l}) }"#,
                [#"Variable "$l" of type "[String]" used in position expecting type "[String!]"."#]
            ),
            (
                #"query Q { ...F } fragment F on Query { echo(text: $missing) }"#,
                [#"Variable "$missing" is not defined by operation "Q"."#]
            ),
            // Fragments.
            (
                #"{ ...F } fragment F on Query { hello } fragment F on Query { hello }"#,
                [#"There can be only one fragment named "F"."#]
            ),
            (#"{ ...Nope }"#, [#"Unknown fragment "Nope"."#]),
            (#"{ hello } fragment F on Query { hello }"#, [#"Fragment "F" is never used."#]),
            (#"{ ...F } fragment F on Nope { hello }"#, [#"Unknown type "Nope"."#]),
            (
                #"{ ...F } fragment F on String { hello }"#,
                [#"Fragment "F" cannot condition on non composite type "String"."#]
            ),
            (#"{ ... on Nope { hello } }"#, [#"Unknown type "Nope"."#]),
            (#"{ ... on Color { hello } }"#, [#"Fragment cannot condition on non composite type "Color"."#]),
            (
                #"{ user(id: "1") { ... on Post { title } } }"#,
                [#"Fragment cannot be spread here as objects of type "User" can never be of type "Post"."#]
            ),
            (
                #"{ user(id: "1") { ...P } } fragment P on Post { id }"#,
                [#"Fragment "P" cannot be spread here as objects of type "User" can never be of type "Post"."#]
            ),
            (#"{ ...A } fragment A on Query { ...A }"#, [#"Cannot spread fragment "A" within itself."#]),
            (
                #"{ ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...A }"#,
                [#"Cannot spread fragment "A" within itself via "B", "C"."#]
            ),
            // Overlapping fields.
            (
                #"{ x: hello x: slowHello }"#,
                [
                    #"Fields "x" conflict because "hello" and "slowHello" are different fields. Use different aliases on the fields to fetch both if this was intentional."#
                ]
            ),
            (
                #"{ user(id: "1") { id } user(id: "2") { id } }"#,
                [
                    #"Fields "user" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional."#
                ]
            ),
            (
                #"{ node(id: "1") { ... on User { x: name } ... on Post { x: id } } }"#,
                [
                    #"Fields "x" conflict because they return conflicting types "String!" and "ID!". Use different aliases on the fields to fetch both if this was intentional."#
                ]
            ),
            (
                #"{ user(id: "1") { f: friends { name } } user(id: "1") { f: friends { name: id } } }"#,
                [
                    #"Fields "user" conflict because subfields "f" conflict because subfields "name" conflict because "name" and "id" are different fields. Use different aliases on the fields to fetch both if this was intentional."#
                ]
            ),
            (
                #"{ ...A ...B } fragment A on Query { x: hello } fragment B on Query { x: pi }"#,
                [
                    #"Fields "x" conflict because "hello" and "pi" are different fields. Use different aliases on the fields to fetch both if this was intentional."#
                ]
            ),
            // Subscriptions would need a subscription type; the depth limit applies through fragments.
        ] as [(String, [String])]
    )
    func invalid(query: String, expected: [String]) throws {
        #expect(try Self.messages(query) == expected)
    }

    @Test("errors carry the spec's locations")
    func locations() throws {
        let document = try parse(source: "query A { hello }\nquery A { hello }\n{ ...F }")
        let errors = validate(schema: SampleSchema.schema, document: document)
        #expect(errors.first?.locations == [SourceLocation(line: 1, column: 7), SourceLocation(line: 2, column: 7)])
        let cycle = validate(
            schema: SampleSchema.schema,
            document: try parse(source: "{ ...A }\nfragment A on Query { ...B }\nfragment B on Query { ...A }")
        )
        #expect(cycle.first?.locations == [SourceLocation(line: 2, column: 23), SourceLocation(line: 3, column: 23)])
        let variable = validate(
            schema: SampleSchema.schema,
            document: try parse(source: "query ($id: ID) {\n  user(id: $id) { id }\n}")
        )
        #expect(variable.first?.locations == [SourceLocation(line: 1, column: 8), SourceLocation(line: 2, column: 12)])
    }

    @Test("subscriptions must select exactly one non-introspection root field")
    func subscriptions() throws {
        let subscription = GraphQLObjectType(
            name: "Subscription",
            fields: [GraphQLField(name: "a", type: .string), GraphQLField(name: "b", type: .string)]
        )
        let schema = try GraphQLSchema(
            query: SampleSchema.query,
            subscription: subscription,
            types: [
                .scalar(SampleSchema.long), .enum(SampleSchema.color), .interface(SampleSchema.node),
                .object(SampleSchema.user),
                .object(SampleSchema.post), .union(SampleSchema.searchResult), .inputObject(SampleSchema.echoInput),
                .inputObject(SampleSchema.lookupBy), .object(SampleSchema.dataType),
            ]
        )
        func messages(_ query: String) throws -> [String] {
            validate(schema: schema, document: try parse(source: query)).map(\.message)
        }
        #expect(try messages("subscription { a }") == [])
        #expect(
            try messages("subscription S { a ...F } fragment F on Subscription { b }") == [
                #"Subscription "S" must select only one top level field."#
            ]
        )
        #expect(
            try messages("subscription { __typename }") == [
                "Anonymous Subscription must not select an introspection top level field."
            ]
        )
    }

    @Test("the depth limit counts through fragments")
    func depthThroughFragments() throws {
        let fragments = (0..<100).map { "fragment F\($0) on User { friends { ...F\($0 + 1) } }" }.joined(
            separator: "\n"
        )
        let query = #"{ user(id: "1") { ...F0 } }"# + "\n" + fragments + "\nfragment F100 on User { id }"
        let errors = validate(schema: SampleSchema.schema, document: try parse(source: query))
        #expect(
            errors.map(\.message) == ["The anonymous operation is nested 203 levels deep, more than the limit of 64."]
        )
        let shallow = validate(
            schema: SampleSchema.schema,
            document: try parse(source: #"{ user(id: "1") { ...F0 } } fragment F0 on User { friends { id } }"#),
            options: ValidationOptions(maxDepth: 3)
        )
        #expect(
            shallow.map(\.message) == ["The anonymous operation is nested 4 levels deep, more than the limit of 3."]
        )
    }

    @Test("validation stops at the error limit")
    func errorLimit() throws {
        let query = "{ " + (0..<10).map { "f\($0)" }.joined(separator: " ") + " }"
        let errors = validate(
            schema: SampleSchema.schema,
            document: try parse(source: query),
            options: ValidationOptions(maxErrors: 3)
        )
        #expect(errors.count == 4)
        #expect(errors.last?.message == "Too many validation errors, error limit reached. Validation aborted.")
    }

    @Test("the overlapping-fields check gives up on hostile documents within its budget")
    func overlapBudget() throws {
        let fields = String(repeating: #"user(id: "1") { friends { friends { name } } } "#, count: 60)
        let errors = validate(
            schema: SampleSchema.schema,
            document: try parse(source: "{ \(fields) }"),
            options: ValidationOptions(maxFieldComparisons: 500)
        )
        #expect(
            errors.map(\.message) == [
                "Document is too complex to check for conflicting fields: it needs more than the limit of 500 field "
                    + "comparisons. Send each field once per selection set, or give repeated fields distinct aliases."
            ]
        )
    }
}
