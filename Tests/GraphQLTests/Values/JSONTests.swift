import GraphQL
import Testing

@Suite("JSON")
struct JSONTests {
    @Test("parses every kind of value and keeps key order")
    func parsesValues() throws {
        let value = try GraphQLValue(
            json:
                #" {"z": 1, "a": [true, false, null], "n": -1.5e2, "s": "\u00e9\n\uD83D\uDE00", "big": 12345678901234567890} "#
        )
        guard case .object(let object) = value else {
            Issue.record("expected an object")
            return
        }
        #expect(object.keys == ["z", "a", "n", "s", "big"])
        #expect(object["z"] == .int(1))
        #expect(object["a"] == [true, false, nil])
        #expect(object["n"] == .double(-150))
        #expect(object["s"] == .string("é\n😀"))
        #expect(object["big"] == .double(Double("12345678901234567890")!))
    }

    @Test("serializes in key order with escapes")
    func serializes() {
        let value: GraphQLValue = [
            "b": "quote \" backslash \\ newline \n tab \t bell \u{07} é",
            "a": [1, 2.5, true, nil],
            "o": [:],
        ]
        #expect(
            value.jsonString()
                == #"{"b":"quote \" backslash \\ newline \n tab \t bell \u0007 é","a":[1,2.5,true,null],"o":{}}"#
        )
        #expect(GraphQLValue.double(1).jsonString() == "1.0")
        #expect(GraphQLValue.double(.infinity).jsonString() == "null")
    }

    @Test("round-trips through text")
    func roundTrip() throws {
        let value: GraphQLValue = ["list": [["x": "y"], [], 0, -7, 1e-7], "unicode": "😀\u{2028}"]
        #expect(try GraphQLValue(json: value.jsonString()) == value)
    }

    @Test(
        "reports invalid JSON with a location",
        arguments: [
            ("", "Unexpected end of input, expected a value.", 1, 1),
            ("{\"a\" 1}", "Expected ':' after an object key.", 1, 6),
            ("[1,]", "Unexpected character ']', expected a value.", 1, 4),
            ("[1 2]", "Expected ',' or ']' in an array.", 1, 4),
            ("{\"a\":1,}", "Expected a string as an object key.", 1, 8),
            ("01", "Numbers may not have leading zeros.", 1, 2),
            ("1.", "Expected a digit in a number.", 1, 3),
            ("\"abc", "Unterminated string.", 1, 5),
            ("\"a\u{01}\"", "Control characters must be escaped in strings.", 1, 3),
            ("\"\\x\"", "Invalid escape sequence in a string.", 1, 4),
            ("\"\\uD800\"", "A high surrogate must be followed by a low surrogate escape.", 1, 8),
            ("tru", "Invalid literal, expected 'true'.", 1, 1),
            ("{}\n x", "Unexpected content after the end of the JSON value.", 2, 2),
        ]
    )
    func invalid(text: String, reason: String, line: Int, column: Int) {
        #expect(throws: JSONParseError(reason: reason, line: line, column: column)) {
            try GraphQLValue(json: text)
        }
    }

    @Test("enforces the size and depth limits")
    func limits() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = try #require(throws: JSONParseError.self) {
            try GraphQLValue(json: deep, limits: JSONLimits(maxBytes: 1 << 20, maxDepth: 64))
        }
        #expect(error.reason == "Nesting is deeper than the limit of 64.")
        _ = try GraphQLValue(json: "[[[]]]", limits: JSONLimits(maxDepth: 3))
        #expect(throws: JSONParseError.self) { try GraphQLValue(json: "[[[[]]]]", limits: JSONLimits(maxDepth: 3)) }
        #expect(throws: JSONParseError(reason: "Input is larger than the limit of 4 bytes.", line: 1, column: 1)) {
            try GraphQLValue(json: "[1,2]", limits: JSONLimits(maxBytes: 4))
        }
    }

    @Test("rejects invalid UTF-8")
    func invalidUTF8() {
        #expect(throws: JSONParseError.self) { try GraphQLValue(json: [0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test("objects keep their first position and last value for repeated keys")
    func repeatedKeys() throws {
        let value = try GraphQLValue(json: #"{"a":1,"b":2,"a":3}"#)
        #expect(value.jsonString() == #"{"a":3,"b":2}"#)
        var object = GraphQLObject()
        object["x"] = 1
        object["y"] = 2
        object["x"] = nil
        #expect(object.keys == ["y"])
        #expect(object["y"] == 2)
    }
}
