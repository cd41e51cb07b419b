import Testing

@testable import TwilioSandbox

/// The sandbox's reader of JSON parameters such as Verify's `ChannelConfiguration`.
@Suite("JSON parameters")
struct JSONDocumentTests {
    @Test("reads objects, nested values and escapes")
    func valid() throws {
        let document = try #require(
            JSONDocument(
                parsing: #" { "from": "a@b.c", "from_name": "Zo\u00eb \ud83d\ude00 \"q\" \/", "n": -12.5e3, "#
                    + #""list": [true, false, null, {}], "sub": {"k": "v"} } "#
            )
        )
        guard case .string(let name)? = document["from_name"] else {
            Issue.record("from_name is not a string")
            return
        }
        #expect(name == "Zoë 😀 \"q\" /")
        guard case .number(let number)? = document["n"], case .array(let list)? = document["list"] else {
            Issue.record("n or list has the wrong kind")
            return
        }
        #expect(number == "-12.5e3")
        #expect(list.count == 4)
        guard case .string(let value)? = document["sub"]?["k"] else {
            Issue.record("sub.k is not a string")
            return
        }
        #expect(value == "v")
        #expect(document["missing"] == nil)
    }

    @Test(
        "refuses what RFC 8259 does not allow",
        arguments: [
            "", "{", "{\"a\": 1,}", "[1,]", "{'a': 1}", "{\"a\" 1}", "01", "1.", "-", "1e", "\"\\x\"", "\"\u{1}\"",
            "\"\\ud83d\"", "\"\\ude00\"", "nul", "{} {}", "{\"a\": 1} x",
            String(repeating: "[", count: 40) + String(repeating: "]", count: 40),
        ]
    )
    func invalid(text: String) {
        #expect(JSONDocument(parsing: text) == nil)
    }

    @Test(
        "reads every scalar kind at the top level",
        arguments: ["0", "-0", "12", "3.25", "1E+2", "true", "null", "\"x\""]
    )
    func scalars(text: String) {
        #expect(JSONDocument(parsing: text) != nil)
    }
}
