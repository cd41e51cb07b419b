import GraphQL
import Testing

@Suite("Parse limits")
struct ParseLimitsTests {
    @Test("deeply nested selection sets fail cleanly", arguments: [100, 10_000])
    func deepSelections(depth: Int) {
        let source = String(repeating: "{ a ", count: depth) + String(repeating: "}", count: depth)
        #expect(throws: GraphQLError.self) {
            try parse(source: source, limits: ParseLimits(maxBytes: 1 << 20, maxTokens: 1 << 20))
        }
    }

    @Test(
        "10,000 opening braces or brackets return an error, not a crash",
        arguments: ["{", "[", "{ a(x: ", "query ($v: "]
    )
    func hostileNesting(opener: String) throws {
        let source: String
        switch opener {
        case "[": source = "{ a(x: " + String(repeating: "[", count: 10_000) + ") }"
        case "query ($v: ": source = opener + String(repeating: "[", count: 10_000)
        case "{ a(x: ": source = opener + String(repeating: "{a: ", count: 10_000)
        default: source = String(repeating: "{ a ", count: 10_000)
        }
        let error = try #require(throws: GraphQLError.self) {
            try parse(source: source, limits: ParseLimits(maxBytes: 1 << 20, maxTokens: 1 << 20))
        }
        #expect(error.message == "Document nesting is deeper than the limit of 64.")
    }

    @Test("the depth limit is configurable and exact")
    func exactDepth() throws {
        let three = "{ a { b { c } } }"
        _ = try parse(source: three, limits: ParseLimits(maxDepth: 3))
        #expect(throws: GraphQLError.self) { try parse(source: three, limits: ParseLimits(maxDepth: 2)) }
    }

    @Test("documents over the size limit are rejected before lexing")
    func size() {
        #expect(throws: GraphQLError(message: "Document is larger than the limit of 8 bytes.")) {
            try parse(source: "{ hello }", limits: ParseLimits(maxBytes: 8))
        }
    }

    @Test("documents over the token limit are rejected")
    func tokens() throws {
        _ = try parse(source: "{ a b c }", limits: ParseLimits(maxTokens: 5))
        let error = try #require(throws: GraphQLError.self) {
            try parse(source: "{ a b c d }", limits: ParseLimits(maxTokens: 5))
        }
        #expect(error.message == "Document contains more than 5 tokens. Parsing aborted.")
    }

    @Test("field and alias counts are limited")
    func fieldsAndAliases() throws {
        _ = try parse(source: "{ a b c }", limits: ParseLimits(maxFields: 3))
        #expect(
            throws: GraphQLError(
                message: "Document contains more than 3 fields.",
                locations: [.init(line: 1, column: 11)]
            )
        ) {
            try parse(source: "{ a b c { d } }", limits: ParseLimits(maxFields: 3))
        }
        let aliases = "{ " + (0..<4).map { "x\($0): a" }.joined(separator: " ") + " }"
        _ = try parse(source: aliases, limits: ParseLimits(maxAliases: 4))
        let error = try #require(throws: GraphQLError.self) {
            try parse(source: aliases, limits: ParseLimits(maxAliases: 3))
        }
        #expect(error.message == "Document contains more than 3 aliases.")
    }
}
