import GraphQL
import Testing

@Suite("Execution")
struct ExecutionTests {
    @Test("resolves nested fields, aliases and __typename in selection order")
    func basics() async throws {
        let response = try await SampleSchema.run(
            """
            { hello, me: user(id: "1") { __typename name friends { id name } }, slowHello, __typename }
            """
        )
        #expect(response.errors.isEmpty)
        #expect(
            response.jsonString()
                == #"{"data":{"hello":"world","me":{"__typename":"User","name":"Ada","friends":[{"id":"2","name":"Grace"},"#
                + #"{"id":"3","name":"Linus"}]},"slowHello":"slow","__typename":"Query"}}"#
        )
    }

    @Test("mutation root fields run strictly in order")
    func mutationOrder() async throws {
        let context = SampleContext()
        let response = try await SampleSchema.run(
            """
            mutation {
              first: record(entry: "1", yields: 50)
              second: record(entry: "2", yields: 0)
              third: record(entry: "3", yields: 20)
              fourth: record(entry: "4")
            }
            """,
            context: context
        )
        #expect(response.jsonString() == #"{"data":{"first":"1","second":"2","third":"3","fourth":"4"}}"#)
        #expect(await context.log.entries == ["1", "2", "3", "4"])
    }

    @Test("resolver errors carry message, locations, path and extensions")
    func resolverErrors() async throws {
        let response = try await SampleSchema.run(
            """
            {
              user(id: "1") { name secret }
              failing
            }
            """
        )
        #expect(
            response.jsonString()
                == #"{"data":{"user":{"name":"Ada","secret":null},"failing":null},"errors":["#
                + #"{"message":"Not allowed for ada.","locations":[{"line":2,"column":24}],"path":["user","secret"],"#
                + #""extensions":{"code":"FORBIDDEN"}},"#
                + #"{"message":"plain failure","locations":[{"line":3,"column":3}],"path":["failing"]}]}"#
        )
    }

    @Test("a non-null error nulls the nearest nullable parent")
    func nullPropagation() async throws {
        let response = try await SampleSchema.run(#"{ hello user(id: "3") { name friends { name } } }"#)
        #expect(
            response.jsonString().hasPrefix(
                #"{"data":{"hello":"world","user":null},"errors":[{"message":"User 9 was not found.""#
            )
        )
        #expect(response.errors.first?.path == [.key("user"), .key("friends")])
        #expect(response.errors.first?.extensions == ["code": "NOT_FOUND"])

        let root = try await SampleSchema.run("{ hello failingNonNull }")
        #expect(root.data == .null)
        #expect(root.errors.map(\.message) == ["Thing was not found."])

        let nullValue = try await SampleSchema.run("{ nullNonNull }")
        #expect(nullValue.data == .null)
        #expect(nullValue.errors.map(\.message) == ["Cannot return null for non-nullable field Query.nullNonNull."])
    }

    @Test("null list items propagate to the list or stay, by item type")
    func listItems() async throws {
        let response = try await SampleSchema.run(
            #"{ user(id: "3") { nullableFriends { name } strictFriends { name } } }"#
        )
        #expect(
            response.data == ["user": ["nullableFriends": [nil], "strictFriends": nil]]
        )
        #expect(response.errors.map(\.message) == ["Cannot return null for non-nullable field User.strictFriends."])
        #expect(response.errors.first?.path == [.key("user"), .key("strictFriends"), .index(0)])
    }

    @Test("results are serialized by output type")
    func serialization() async throws {
        let response = try await SampleSchema.run("{ favoriteColor big pi tooBig badColor notAList }")
        #expect(
            response.data == [
                "favoriteColor": "GREEN", "big": "9223372036854775807", "pi": 3.5, "tooBig": nil, "badColor": nil,
                "notAList": nil,
            ]
        )
        #expect(
            response.errors.map(\.message) == [
                "Int cannot represent non 32-bit signed integer value: 3000000000",
                "Enum \"Color\" cannot represent value: 7",
                "Expected Iterable, but did not find one for field \"Query.notAList\".",
            ]
        )
        #expect(response.errors.map(\.path) == [[.key("tooBig")], [.key("badColor")], [.key("notAList")]])

        let age = try await SampleSchema.run(#"{ user(id: "3") { age } }"#)
        #expect(age.data == ["user": ["age": nil]])
        #expect(age.errors.first?.path == [.key("user"), .key("age")])
    }

    @Test("@skip and @include, with literals and variables")
    func skipInclude() async throws {
        let response = try await SampleSchema.run(
            """
            query ($yes: Boolean!, $no: Boolean = false) {
              a: hello @skip(if: true)
              b: hello @skip(if: $no)
              c: hello @include(if: $yes)
              d: hello @include(if: false)
              e: hello @include(if: $yes) @skip(if: $yes)
              ... @include(if: $no) { f: hello }
              ...Frag @skip(if: $no)
            }
            fragment Frag on Query { g: hello }
            """,
            variables: ["yes": true]
        )
        #expect(response.data == ["b": "world", "c": "world", "g": "world"])
    }

    @Test("fragments, inline fragments and type conditions on interfaces and unions")
    func fragments() async throws {
        let response = try await SampleSchema.run(
            """
            {
              node(id: "p1") { id ... on Post { title } ... on User { name } }
              user: node(id: "2") { ...Named }
              search { __typename ... on Node { id } ... on User { name } ... on Post { title } }
            }
            fragment Named on User { name ...Named2 }
            fragment Named2 on Node { id }
            """
        )
        #expect(response.errors.isEmpty)
        #expect(
            response.data == [
                "node": ["id": "p1", "title": "Hello"],
                "user": ["name": "Grace", "id": "2"],
                "search": [
                    ["__typename": "User", "id": "1", "name": "Ada"],
                    ["__typename": "Post", "id": "p1", "title": "Hello"],
                ],
            ]
        )
    }

    @Test("the default resolver reads GraphQLValue parents")
    func defaultResolver() async throws {
        let response = try await SampleSchema.run("{ data { title count inner { title count } } }")
        #expect(
            response.data == [
                "data": ["title": "from a value", "count": 3, "inner": ["title": "inner", "count": nil]]
            ]
        )
    }

    @Test("the same response key merges sub-selections")
    func merging() async throws {
        let response = try await SampleSchema.run(#"{ user(id: "1") { id } user(id: "1") { name } }"#)
        #expect(response.data == ["user": ["id": "1", "name": "Ada"]])
    }

    @Test("arguments are coerced with defaults, enums, input objects and list wrapping")
    func arguments() async throws {
        let response = try await SampleSchema.run(
            #"""
            query ($input: EchoInput, $big: Long) {
              plain: echo
              literal: echo(input: {text: "x", tags: "one"}, color: BLUE, big: 5, list: 3)
              variables: echo(input: $input, big: $big, text: null)
            }
            """#,
            variables: ["input": ["text": "v", "color": "GREEN", "tags": ["a", "b"]], "big": "9007199254740993"]
        )
        #expect(response.errors.isEmpty)
        #expect(response.data?["plain"] == #"{"text":"default"}"#)
        #expect(
            response.data?["literal"]
                == #"{"input":{"text":"x","times":1,"color":0,"tags":["one"]},"text":"default","color":2,"big":5,"list":[3]}"#
        )
        #expect(
            response.data?["variables"]
                == #"{"input":{"text":"v","times":1,"color":1,"tags":["a","b"]},"text":null,"big":9007199254740993}"#
        )
    }

    @Test(
        "variable coercion errors name the variable",
        arguments: [
            (
                "query ($id: ID!) { user(id: $id) { id } }", [:],
                #"Variable "$id" of required type "ID!" was not provided."#
            ),
            (
                "query ($id: ID!) { user(id: $id) { id } }", ["id": nil],
                #"Variable "$id" of non-null type "ID!" must not be null."#
            ),
            (
                "query ($id: ID!) { user(id: $id) { id } }", ["id": true],
                #"Variable "$id" got invalid value true; ID cannot represent value: true"#
            ),
            (
                "query ($input: EchoInput) { echo(input: $input) }", ["input": ["times": 1]],
                #"Variable "$input" got invalid value {"times":1}; Field "text" of required type "String!" was not provided."#
            ),
            (
                "query ($input: EchoInput) { echo(input: $input) }", ["input": ["text": "t", "times": "x"]],
                #"Variable "$input" got invalid value "x" at "input.times"; Int cannot represent non-integer value: "x""#
            ),
            (
                "query ($input: EchoInput) { echo(input: $input) }", ["input": ["text": "t", "tags": ["a", nil]]],
                #"Variable "$input" got invalid value null at "input.tags[1]"; Expected non-nullable type "String!" not to be null."#
            ),
            (
                "query ($input: EchoInput) { echo(input: $input) }", ["input": ["text": "t", "nope": 1]],
                #"Variable "$input" got invalid value {"text":"t","nope":1}; Field "nope" is not defined by type "EchoInput"."#
            ),
            (
                "query ($c: Color) { echo(color: $c) }", ["c": "PURPLE"],
                #"Variable "$c" got invalid value "PURPLE"; Value "PURPLE" does not exist in "Color" enum."#
            ),
            (
                "query ($n: [Int]) { echo(list: $n) }", ["n": [1, 2_147_483_648]],
                #"Variable "$n" got invalid value 2147483648 at "n[1]"; Int cannot represent non 32-bit signed integer value: 2147483648"#
            ),
            (
                "query ($by: LookupBy!) { lookup(by: $by) }", ["by": ["id": "1", "name": "x"]],
                #"Variable "$by" got invalid value {"id":"1","name":"x"}; Exactly one key must be specified for OneOf type "LookupBy"."#
            ),
            (
                "query ($by: LookupBy!) { lookup(by: $by) }", ["by": ["id": nil]],
                #"Variable "$by" got invalid value {"id":null}; Field "id" must be non-null."#
            ),
        ] as [(String, GraphQLObject, String)]
    )
    func variableErrors(query: String, variables: GraphQLObject, message: String) async throws {
        let response = try await SampleSchema.run(query, variables: variables)
        #expect(response.outcome == .invalidRequest)
        #expect(response.data == nil)
        #expect(response.errors.map(\.message) == [message])
        #expect(response.errors.first?.locations == [SourceLocation(line: 1, column: 8)])
    }

    @Test("oneOf input objects accept exactly one field")
    func oneOf() async throws {
        let literal = try await SampleSchema.run(#"{ lookup(by: {name: "Ada"}) }"#)
        #expect(literal.data == ["lookup": #"{"by":{"name":"Ada"}}"#])
        let variable = try await SampleSchema.run(
            "query ($by: LookupBy!) { lookup(by: $by) }",
            variables: ["by": ["id": 7]]
        )
        #expect(variable.data == ["lookup": #"{"by":{"id":"7"}}"#])
    }

    @Test(
        "operation selection by name",
        arguments: [
            ("query A { a: hello } query B { b: hello }", "B", nil, #"{"data":{"b":"world"}}"#),
            (
                "query A { a: hello } query B { b: hello }", nil,
                "Must provide operation name if query contains multiple operations.", nil
            ),
            ("query A { a: hello }", "C", #"Unknown operation named "C"."#, nil),
            ("fragment F on Query { hello }", nil, "Must provide an operation.", nil),
            ("query A { a: hello }", nil, nil, #"{"data":{"a":"world"}}"#),
        ] as [(String, String?, String?, String?)]
    )
    func operationSelection(query: String, name: String?, error: String?, json: String?) async throws {
        let document = try parse(source: query)
        let response = await execute(
            schema: SampleSchema.schema,
            document: document,
            operationName: name,
            context: SampleContext()
        )
        if let error {
            #expect(response.outcome == .invalidRequest)
            #expect(response.errors.map(\.message) == [error])
        }
        if let json {
            #expect(response.jsonString() == json)
        }
    }

    @Test("a mutation error stops only its field; later fields still run")
    func mutationErrors() async throws {
        let context = SampleContext()
        let response = try await SampleSchema.run(
            #"mutation { a: record(entry: "a") fail b: record(entry: "b") }"#,
            context: context
        )
        #expect(response.data == ["a": "a", "fail": nil, "b": "b"])
        #expect(response.errors.map(\.message) == ["Mutation failed."])
        #expect(await context.log.entries == ["a", "b"])
    }

    @Test("query fields resolve concurrently")
    func concurrency() async throws {
        let gate = Gate()
        let query = GraphQLObjectType(
            name: "Query",
            fields: [
                GraphQLField(name: "waiter", type: .string) { _, _, _, _ in
                    await gate.wait()
                    return "released"
                },
                GraphQLField(name: "opener", type: .string) { _, _, _, _ in
                    await gate.open()
                    return "opened"
                },
            ]
        )
        let schema = try GraphQLSchema(query: query)
        let response = await execute(schema: schema, document: try parse(source: "{ waiter opener }"))
        #expect(response.data == ["waiter": "released", "opener": "opened"])
    }
}

/// Suspends waiters until opened; a serial executor would deadlock on it.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        guard !isOpen else { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters {
            waiter.resume()
        }
        waiters = []
    }
}
