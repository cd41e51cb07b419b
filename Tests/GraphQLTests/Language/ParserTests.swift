import GraphQL
import Testing

@Suite("Parser")
struct ParserTests {
    @Test("parses operations, variables, directives, aliases, arguments and fragments")
    func fullGrammar() throws {
        let source = """
            query Q($id: ID! = "1", $list: [[Int!]]! @tag, $obj: EchoInput = {text: "x", tags: ["a"]}) @tag(name: "q") {
              alias: user(id: $id) @include(if: true) {
                ...UserFields
                ... on User @skip(if: false) { name }
                ... @tag { id }
              }
            }
            mutation { record(entry: "a") }
            subscription S { hello }
            fragment UserFields on User { id, friends { name } }
            { hello }
            """
        let document = try parse(source: source)
        #expect(document.definitions.count == 5)
        let query = try #require(document.operations.first)
        #expect(query.operation == .query)
        #expect(query.name?.value == "Q")
        #expect(query.variableDefinitions.map(\.variable.value) == ["id", "list", "obj"])
        #expect(query.variableDefinitions[1].type.description == "[[Int!]]!")
        #expect(query.variableDefinitions[1].directives.map(\.name.value) == ["tag"])
        #expect(query.variableDefinitions[0].defaultValue?.kind == .string("1", isBlock: false))
        #expect(query.directives.first?.arguments.first?.value.printed == "\"q\"")
        guard case .field(let field) = query.selectionSet.selections.first else {
            Issue.record("expected a field")
            return
        }
        #expect(field.alias?.value == "alias")
        #expect(field.name.value == "user")
        #expect(field.responseKey == "alias")
        #expect(field.arguments.first?.value.kind == .variable("id"))
        #expect(field.location == SourceLocation(line: 2, column: 3))
        #expect(field.name.location == SourceLocation(line: 2, column: 10))
        let selections = try #require(field.selectionSet?.selections)
        guard case .fragmentSpread(let spread) = selections[0],
            case .inlineFragment(let typed) = selections[1],
            case .inlineFragment(let untyped) = selections[2]
        else {
            Issue.record("expected a spread and two inline fragments")
            return
        }
        #expect(spread.name.value == "UserFields")
        #expect(typed.typeCondition?.value == "User")
        #expect(typed.directives.first?.name.value == "skip")
        #expect(untyped.typeCondition == nil)
        #expect(document.operations.map(\.operation) == [.query, .mutation, .subscription, .query])
        #expect(document.operations[3].name == nil)
        #expect(document.fragments.first?.typeCondition.value == "User")
    }

    @Test("parses every value kind")
    func values() throws {
        let document = try parse(
            source:
                #"{ f(a: 1, b: -0.5e10, c: "s", d: true, e: false, f: null, g: RED, h: [1, [2]], i: {x: 1, y: {z: $v}}) }"#
        )
        guard case .field(let field) = document.operations[0].selectionSet.selections[0] else {
            Issue.record("expected a field")
            return
        }
        let kinds = field.arguments.map(\.value.kind)
        #expect(kinds[0] == .int("1"))
        #expect(kinds[1] == .float("-0.5e10"))
        #expect(kinds[2] == .string("s", isBlock: false))
        #expect(kinds[3] == .boolean(true))
        #expect(kinds[4] == .boolean(false))
        #expect(kinds[5] == .null)
        #expect(kinds[6] == .enumValue("RED"))
        #expect(field.arguments[7].value.printed == "[1, [2]]")
        #expect(field.arguments[8].value.printed == "{x: 1, y: {z: $v}}")
    }

    @Test("ignores commas, comments, byte order marks and all line terminators")
    func ignoredTokens() throws {
        let document = try parse(source: "\u{FEFF}# comment\r\n{ a,,, b # trailing\r c\n\u{FEFF}d }")
        let names = document.operations[0].selectionSet.selections.compactMap { selection -> String? in
            if case .field(let field) = selection { return field.name.value }
            return nil
        }
        #expect(names == ["a", "b", "c", "d"])
        guard case .field(let last) = document.operations[0].selectionSet.selections[3] else { return }
        #expect(last.location == SourceLocation(line: 4, column: 2))
    }

    @Test(
        "decodes string escapes",
        arguments: [
            (#""plain""#, "plain"),
            (#""quote \" slash \\ \/ b\b f\f n\n r\r t\t""#, "quote \" slash \\ / b\u{08} f\u{0C} n\n r\r t\t"),
            (#""\u00e9\u20AC""#, "é€"),
            (#""\u{1F600} \u{41}""#, "😀 A"),
            (#""\uD83D\uDE00""#, "😀"),
            (#""unicode é 😀 raw""#, "unicode é 😀 raw"),
        ]
    )
    func stringEscapes(source: String, expected: String) throws {
        let document = try parse(source: "{ f(a: \(source)) }")
        guard case .field(let field) = document.operations[0].selectionSet.selections[0] else { return }
        #expect(field.arguments[0].value.kind == .string(expected, isBlock: false))
    }

    @Test(
        "applies block string indentation rules",
        arguments: [
            ("\"\"\"simple\"\"\"", "simple"),
            ("\"\"\"\n    Hello,\n      World!\n\n    Yours\n  \"\"\"", "Hello,\n  World!\n\nYours"),
            ("\"\"\"  first\n    second\n    third\"\"\"", "  first\nsecond\nthird"),
            ("\"\"\"\n\n  \n  text\n\t\n\"\"\"", "text"),
            ("\"\"\"esc \\\"\"\" and \\n stays\"\"\"", "esc \"\"\" and \\n stays"),
            ("\"\"\"a\r\n  b\r  c\"\"\"", "a\nb\nc"),
        ]
    )
    func blockStrings(source: String, expected: String) throws {
        let document = try parse(source: "{ f(a: \(source)) }")
        guard case .field(let field) = document.operations[0].selectionSet.selections[0] else { return }
        #expect(field.arguments[0].value.kind == .string(expected, isBlock: true))
    }

    @Test("block strings advance the line count for later locations")
    func blockStringLines() throws {
        let document = try parse(source: "{ f(a: \"\"\"\nx\ny\n\"\"\") g }")
        guard case .field(let field) = document.operations[0].selectionSet.selections[1] else { return }
        #expect(field.location == SourceLocation(line: 4, column: 6))
    }

    @Test(
        "reports syntax errors with their location",
        arguments: [
            ("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2),
            ("{ a(b: ) }", "Syntax Error: Unexpected \")\".", 1, 8),
            ("", "Syntax Error: Unexpected <EOF>.", 1, 1),
            ("{ }", "Syntax Error: Expected Name, found \"}\".", 1, 3),
            ("query { a(x: $) }", "Syntax Error: Expected Name, found \")\".", 1, 15),
            ("notAnOperation { a }", "Syntax Error: Unexpected Name \"notAnOperation\".", 1, 1),
            ("fragment on on User { a }", "Syntax Error: Unexpected Name \"on\".", 1, 10),
            ("fragment F User { a }", "Syntax Error: Expected \"on\", found Name \"User\".", 1, 12),
            ("query Q() { a }", "Syntax Error: Expected \"$\", found \")\".", 1, 9),
            ("query Q($a: Int = $b) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 19),
            ("{ a(s: \"abc) }", "Syntax Error: Unterminated string.", 1, 15),
            ("{ a(s: \"a\nb\") }", "Syntax Error: Unterminated string.", 1, 10),
            ("{ a(s: \"\"\"abc) }", "Syntax Error: Unterminated string.", 1, 17),
            ("{ a(s: \"\\x\") }", "Syntax Error: Invalid character escape sequence: \"\\x\".", 1, 9),
            ("{ a(s: \"\\u12G4\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\u12G4\".", 1, 9),
            ("{ a(s: \"\\uD83D\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".", 1, 9),
            ("{ a(s: \"\\u{110000}\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 9),
            ("{ a(s: \"\u{07}\") }", "Syntax Error: Invalid character within String: U+0007.", 1, 9),
            ("{ a(n: 01) }", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 1, 9),
            ("{ a(n: 1.) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 10),
            ("{ a(n: 1e) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 10),
            ("{ a(n: 12abc) }", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 10),
            ("{ a(n: -) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 9),
            ("{ a ? }", "Syntax Error: Unexpected character: \"?\".", 1, 5),
            (
                "{ a(s: 'x') }",
                "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 8
            ),
            ("{ a .. }", "Syntax Error: Unexpected character: \".\".", 1, 5),
            ("{ a }\n{ b \u{7F} }", "Syntax Error: Unexpected character: U+007F.", 2, 5),
            ("{ é }", "Syntax Error: Unexpected character: U+00E9.", 1, 3),
            ("{ a(x: [1 }", "Syntax Error: Unexpected \"}\".", 1, 11),
            ("query Q($a: [Int) { a }", "Syntax Error: Expected \"]\", found \")\".", 1, 17),
        ]
    )
    func syntaxErrors(source: String, message: String, line: Int, column: Int) {
        #expect(throws: GraphQLError(message: message, locations: [SourceLocation(line: line, column: column)])) {
            try parse(source: source)
        }
    }

    @Test("records type system definitions instead of failing to parse them")
    func typeSystemDefinitions() throws {
        let document = try parse(
            source: """
                "described" type Foo implements Bar @key(fields: "id") { query: String, b(x: Int = 1): [Int] }
                union U = A | B
                scalar S @specifiedBy(url: "u")
                directive @d(a: Int) repeatable on FIELD | QUERY
                extend schema { query: Q }
                enum E { A B }
                { a }
                """
        )
        let kinds = document.definitions.map { definition -> String in
            switch definition {
            case .typeSystem(let node): return "\(node.keyword) \(node.name ?? "-")"
            case .operation: return "operation"
            case .fragment: return "fragment"
            }
        }
        #expect(kinds == ["type Foo", "union U", "scalar S", "directive d", "extend -", "enum E", "operation"])
    }
}
