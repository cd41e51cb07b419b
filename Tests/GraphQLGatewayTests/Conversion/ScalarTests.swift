import GraphQL
import ServiceSupport
import Testing

@testable import GraphQLGateway

@Suite("Custom scalars")
struct ScalarTests {
    @Test(
        "Int64 takes strings and integers and gives strings",
        arguments: [
            (GraphQLValue.string("9223372036854775807"), "9223372036854775807"),
            (.string("-9223372036854775808"), "-9223372036854775808"),
            (.int(42), "42"),
            (.double(1e3), "1000"),
        ]
    )
    func int64(input: GraphQLValue, expected: String) throws {
        #expect(try ProtoScalars.int64.parseValue(input) == .string(expected))
        #expect(try ProtoScalars.int64.serialize(GraphQLValue.string(expected)) == .string(expected))
    }

    @Test(
        "integer scalars refuse values outside their range",
        arguments: [
            (ProtoScalars.int64, GraphQLValue.string("9223372036854775808")),
            (ProtoScalars.int64, .string("12a")),
            (ProtoScalars.int64, .double(1.5)),
            (ProtoScalars.int64, .bool(true)),
            (ProtoScalars.uint64, .string("-1")),
            (ProtoScalars.uint64, .int(-1)),
            (ProtoScalars.uint64, .string("18446744073709551616")),
        ]
    )
    func outOfRange(scalar: GraphQLScalarType, input: GraphQLValue) {
        #expect(throws: GraphQLError.self) { try scalar.parseValue(input) }
    }

    @Test("literals are read as the scalars' values")
    func literals() async throws {
        let uint = try #require(ProtoScalars.uint64.parseLiteral)
        let location = SourceLocation(line: 1, column: 1)

        #expect(
            try uint(ValueNode(kind: .int("18446744073709551615"), location: location)) == "18446744073709551615"
        )
        #expect(try uint(ValueNode(kind: .string("7", isBlock: false), location: location)) == "7")
        #expect(throws: GraphQLError.self) { try uint(ValueNode(kind: .float("1.0"), location: location)) }
        let base64 = try #require(ProtoScalars.base64.parseLiteral)
        #expect(try base64(ValueNode(kind: .string("-_8", isBlock: false), location: location)) == "+/8=")
    }

    @Test(
        "Base64 reads both alphabets with or without padding",
        arguments: [
            ("", [UInt8]()), ("AA==", [0]), ("AA", [0]), ("AAE=", [0, 1]), ("AAEC", [0, 1, 2]),
            ("+/8=", [0xFB, 0xFF]), ("-_8", [0xFB, 0xFF]),
        ]
    )
    func base64(text: String, bytes: [UInt8]) {
        #expect(Base64.decode(text) == bytes)
    }

    @Test(
        "Base64 writes the standard alphabet with padding",
        arguments: [[UInt8](), [0], [0, 1], [0, 1, 2], [0xFB, 0xFF]]
    )
    func base64RoundTrip(bytes: [UInt8]) {
        let text = Base64.encode(bytes)

        #expect(text.utf8.count % 4 == 0)
        #expect(!text.contains("-") && !text.contains("_"))
        #expect(Base64.decode(text) == bytes)
    }

    @Test("Base64 refuses what no encoder writes", arguments: ["A", "AA=A", "AAA==", "A===", "AA*=", "QUJD="])
    func base64Invalid(text: String) {
        #expect(Base64.decode(text) == nil)
    }
}
