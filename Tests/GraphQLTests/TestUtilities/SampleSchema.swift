import GraphQL

/// Records the order in which mutation resolvers run.
actor CallLog {
    private(set) var entries: [String] = []

    func append(_ entry: String) {
        entries.append(entry)
    }
}

/// The context every sample resolver receives.
struct SampleContext: Sendable {
    var log = CallLog()
    var viewer = "ada"
}

/// A user of the sample data.
struct User: Sendable {
    var id: String
    var name: String
    var friendIDs: [String]
    var age: Int?
}

/// A post of the sample data.
struct Post: Sendable {
    var id: String
    var title: String
}

/// A failure that knows how it should appear in a response.
struct NotFound: GraphQLErrorConvertible {
    var what: String
    var graphQLError: GraphQLError {
        GraphQLError(message: "\(what) was not found.", extensions: ["code": "NOT_FOUND"])
    }
}

/// An error with no GraphQL form.
struct PlainFailure: Error, CustomStringConvertible {
    var description: String { "plain failure" }
}

enum SampleData {
    static let users: [String: User] = [
        "1": User(id: "1", name: "Ada", friendIDs: ["2", "3"], age: 36),
        "2": User(id: "2", name: "Grace", friendIDs: ["1"], age: nil),
        "3": User(id: "3", name: "Linus", friendIDs: ["9"], age: 3_000_000_000),
    ]
    static let posts: [String: Post] = ["p1": Post(id: "p1", title: "Hello")]
}

/// The schema the execution, validation and introspection tests share.
enum SampleSchema {
    static let long = GraphQLScalarType(
        name: "Long",
        description: "A signed 64-bit integer, written as a string in results.",
        specifiedByURL: "https://example.com/long",
        serialize: { value in
            guard case .int(let number)? = (value as? Int).map(GraphQLValue.int) else {
                throw GraphQLError(message: "Long cannot represent \(value).")
            }
            return .string(String(number))
        },
        parseValue: { value in
            switch value {
            case .int: return value
            case .string(let text):
                guard let number = Int(text) else { throw GraphQLError(message: "Long cannot represent \"\(text)\".") }
                return .int(number)
            default: throw GraphQLError(message: "Long cannot represent \(value).")
            }
        }
    )

    static let color = GraphQLEnumType(
        name: "Color",
        description: "A primary color.",
        values: [
            GraphQLEnumValue(name: "RED", description: "Red.", value: 0),
            GraphQLEnumValue(name: "GREEN", value: 1),
            GraphQLEnumValue(name: "BLUE", deprecationReason: "Use GREEN.", value: 2),
        ]
    )

    static let node = GraphQLInterfaceType(
        name: "Node",
        description: "Something with an ID.",
        fields: [GraphQLField(name: "id", type: .nonNull(.id))],
        resolveType: { value, _, _ in
            switch value {
            case is User: return "User"
            case is Post: return "Post"
            default: return nil
            }
        }
    )

    static let user = GraphQLObjectType(
        name: "User",
        description: "A person.",
        interfaces: ["Node"],
        fields: [
            GraphQLField(name: "id", type: .nonNull(.id)) { parent, _, _, _ in (parent as! User).id },
            GraphQLField(name: "name", type: .nonNull(.string)) { parent, _, _, _ in (parent as! User).name },
            GraphQLField(name: "age", type: .int) { parent, _, _, _ in (parent as! User).age },
            GraphQLField(
                name: "nickname",
                type: .string,
                deprecationReason: "Use name."
            ) { parent, _, _, _ in (parent as! User).name.lowercased() },
            GraphQLField(name: "friends", type: .nonNull(.list(.nonNull(.named("User"))))) { parent, _, _, _ in
                try (parent as! User).friendIDs.map { id in
                    guard let friend = SampleData.users[id] else { throw NotFound(what: "User \(id)") }
                    return friend
                }
            },
            GraphQLField(name: "nullableFriends", type: .list(.named("User"))) { parent, _, _, _ in
                (parent as! User).friendIDs.map { SampleData.users[$0] }
            },
            GraphQLField(name: "strictFriends", type: .list(.nonNull(.named("User")))) { parent, _, _, _ in
                (parent as! User).friendIDs.map { SampleData.users[$0] }
            },
            GraphQLField(name: "secret", type: .string) { _, _, context, _ in
                throw GraphQLError(
                    message: "Not allowed for \((context as! SampleContext).viewer).",
                    extensions: ["code": "FORBIDDEN"]
                )
            },
        ]
    )

    static let post = GraphQLObjectType(
        name: "Post",
        interfaces: ["Node"],
        fields: [
            GraphQLField(name: "id", type: .nonNull(.id)) { parent, _, _, _ in (parent as! Post).id },
            GraphQLField(name: "title", type: .nonNull(.string)) { parent, _, _, _ in (parent as! Post).title },
        ]
    )

    static let searchResult = GraphQLUnionType(
        name: "SearchResult",
        description: "A user or a post.",
        types: ["User", "Post"],
        resolveType: { value, _, _ in value is User ? "User" : "Post" }
    )

    static let echoInput = GraphQLInputObjectType(
        name: "EchoInput",
        description: "What to echo.",
        fields: [
            GraphQLInputField(name: "text", type: .nonNull(.string), description: "The text."),
            GraphQLInputField(name: "times", type: .int, defaultValue: 1),
            GraphQLInputField(name: "color", type: .named("Color"), defaultValue: "RED"),
            GraphQLInputField(name: "tags", type: .list(.nonNull(.string))),
        ]
    )

    static let lookupBy = GraphQLInputObjectType(
        name: "LookupBy",
        description: "Exactly one way to find a user.",
        fields: [
            GraphQLInputField(name: "id", type: .id),
            GraphQLInputField(name: "name", type: .string),
        ],
        isOneOf: true
    )

    static let query = GraphQLObjectType(
        name: "Query",
        description: "The root of reads.",
        fields: [
            GraphQLField(name: "hello", type: .nonNull(.string), description: "A greeting.") { _, _, _, _ in
                "world"
            },
            GraphQLField(name: "slowHello", type: .string) { _, _, _, _ in
                await Task.yield()
                return "slow"
            },
            GraphQLField(
                name: "user",
                type: .named("User"),
                arguments: [GraphQLArgument(name: "id", type: .nonNull(.id), description: "The user's ID.")]
            ) { _, arguments, _, _ in
                SampleData.users[arguments["id"]?.stringValue ?? ""]
            },
            GraphQLField(name: "users", type: .nonNull(.list(.nonNull(.named("User"))))) { _, _, _, _ in
                SampleData.users.keys.sorted().map { SampleData.users[$0]! }
            },
            GraphQLField(
                name: "node",
                type: .named("Node"),
                arguments: [GraphQLArgument(name: "id", type: .nonNull(.id))]
            ) { _, arguments, _, _ in
                let id = arguments["id"]?.stringValue ?? ""
                return SampleData.users[id].map { $0 as any Sendable } ?? SampleData.posts[id]
            },
            GraphQLField(
                name: "search",
                type: .nonNull(.list(.nonNull(.named("SearchResult"))))
            ) { _, _, _, _ in
                [SampleData.users["1"]! as any Sendable, SampleData.posts["p1"]!]
            },
            GraphQLField(
                name: "echo",
                type: .string,
                arguments: [
                    GraphQLArgument(name: "input", type: .named("EchoInput")),
                    GraphQLArgument(name: "text", type: .string, defaultValue: "default"),
                    GraphQLArgument(name: "color", type: .named("Color")),
                    GraphQLArgument(name: "big", type: .named("Long")),
                    GraphQLArgument(name: "list", type: .list(.int)),
                    GraphQLArgument(name: "old", type: .string, deprecationReason: "Do not use."),
                ]
            ) { _, arguments, _, _ in
                GraphQLValue.object(arguments).jsonString()
            },
            GraphQLField(
                name: "lookup",
                type: .string,
                arguments: [GraphQLArgument(name: "by", type: .nonNull(.named("LookupBy")))]
            ) { _, arguments, _, _ in
                GraphQLValue.object(arguments).jsonString()
            },
            GraphQLField(name: "favoriteColor", type: .named("Color")) { _, _, _, _ in 1 },
            GraphQLField(name: "badColor", type: .named("Color")) { _, _, _, _ in 7 },
            GraphQLField(name: "big", type: .named("Long")) { _, _, _, _ in Int.max },
            GraphQLField(name: "tooBig", type: .int) { _, _, _, _ in 3_000_000_000 },
            GraphQLField(name: "pi", type: .float) { _, _, _, _ in 3.5 },
            GraphQLField(name: "failing", type: .string) { _, _, _, _ in throw PlainFailure() },
            GraphQLField(name: "failingNonNull", type: .nonNull(.string)) { _, _, _, _ in
                throw NotFound(what: "Thing")
            },
            GraphQLField(name: "nullNonNull", type: .nonNull(.string)) { _, _, _, _ in nil },
            GraphQLField(name: "notAList", type: .list(.string)) { _, _, _, _ in "nope" },
            GraphQLField(name: "data", type: .named("Data")) { _, _, _, _ in
                ["title": "from a value", "count": 3, "inner": ["title": "inner"]] as GraphQLValue
            },
        ]
    )

    static let dataType = GraphQLObjectType(
        name: "Data",
        fields: [
            GraphQLField(name: "title", type: .string),
            GraphQLField(name: "count", type: .int),
            GraphQLField(name: "inner", type: .named("Data")),
        ]
    )

    static let mutation = GraphQLObjectType(
        name: "Mutation",
        fields: [
            GraphQLField(
                name: "record",
                type: .nonNull(.string),
                arguments: [
                    GraphQLArgument(name: "entry", type: .nonNull(.string)),
                    GraphQLArgument(name: "yields", type: .int, defaultValue: 0),
                ]
            ) { _, arguments, context, _ in
                let entry = arguments["entry"]?.stringValue ?? ""
                for _ in 0..<(arguments["yields"]?.intValue ?? 0) {
                    await Task.yield()
                }
                await (context as! SampleContext).log.append(entry)
                return entry
            },
            GraphQLField(name: "fail", type: .string) { _, _, _, _ in
                throw GraphQLError(message: "Mutation failed.")
            },
        ]
    )

    static let schema = try! GraphQLSchema(
        query: query,
        mutation: mutation,
        types: [
            .scalar(long), .enum(color), .interface(node), .object(user), .object(post), .union(searchResult),
            .inputObject(echoInput), .inputObject(lookupBy), .object(dataType),
        ],
        directives: [
            GraphQLDirective(
                name: "tag",
                description: "A repeatable marker.",
                locations: [.field, .query],
                arguments: [GraphQLArgument(name: "name", type: .string)],
                isRepeatable: true
            )
        ],
        description: "The sample schema."
    )

    /// Parses, validates and executes `query`, failing the test on parse or validation errors.
    static func run(
        _ query: String,
        operationName: String? = nil,
        variables: GraphQLObject = [:],
        context: SampleContext = SampleContext()
    ) async throws -> GraphQLResponse {
        let document = try parse(source: query)
        let errors = validate(schema: schema, document: document)
        guard errors.isEmpty else {
            throw GraphQLErrorsForTest(errors: errors)
        }
        return await execute(
            schema: schema,
            document: document,
            operationName: operationName,
            variables: variables,
            context: context
        )
    }
}

struct GraphQLErrorsForTest: Error, CustomStringConvertible {
    var errors: [GraphQLError]
    var description: String { errors.map(\.description).joined(separator: "; ") }
}
