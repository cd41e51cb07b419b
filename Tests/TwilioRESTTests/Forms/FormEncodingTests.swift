import Testing

@testable import TwilioREST

@Suite("FormEncoding")
struct FormEncodingTests {
    /// Each expected string was produced by Python 3.11's `urllib.parse.urlencode` on the same
    /// pairs (run once by hand while writing this table, then pasted here).
    static let pythonTable: [(fields: [FormField], expected: String)] = [
        ([FormField("To", "+14155550100")], "To=%2B14155550100"),
        ([FormField("Body", "Hello world")], "Body=Hello+world"),
        ([FormField("Body", "a&b=c")], "Body=a%26b%3Dc"),
        ([FormField("Body", "100% sure?")], "Body=100%25+sure%3F"),
        ([FormField("Body", "héllo wörld")], "Body=h%C3%A9llo+w%C3%B6rld"),
        ([FormField("Body", "日本語")], "Body=%E6%97%A5%E6%9C%AC%E8%AA%9E"),
        ([FormField("Body", "emoji 😀")], "Body=emoji+%F0%9F%98%80"),
        ([FormField("Body", "~tilde_under-score.dot")], "Body=~tilde_under-score.dot"),
        ([FormField("Body", "line1\nline2\r\n")], "Body=line1%0Aline2%0D%0A"),
        ([FormField("Body", "!*'();:@$,/?#[]")], "Body=%21%2A%27%28%29%3B%3A%40%24%2C%2F%3F%23%5B%5D"),
        ([FormField("Body", "")], "Body="),
        (
            [
                FormField("MediaUrl", "https://example.test/a.png?x=1&y=2"),
                FormField("MediaUrl", "https://example.test/b.png"),
            ],
            "MediaUrl=https%3A%2F%2Fexample.test%2Fa.png%3Fx%3D1%26y%3D2&MediaUrl=https%3A%2F%2Fexample.test%2Fb.png"
        ),
        ([FormField("DateSent<", "2024-01-01")], "DateSent%3C=2024-01-01"),
        ([FormField("Key With Space", "v")], "Key+With+Space=v"),
        ([FormField("Body", "tab\there")], "Body=tab%09here"),
        ([FormField("Body", "quote\"back\\slash")], "Body=quote%22back%5Cslash"),
        ([FormField("Body", "nul\u{0}byte")], "Body=nul%00byte"),
        ([], ""),
    ]

    @Test("encoding matches Python's urlencode", arguments: pythonTable)
    func encodingMatchesPython(fields: [FormField], expected: String) {
        #expect(FormEncoding.encode(fields) == expected)
    }

    @Test("decoding an encoded body gives the fields back", arguments: pythonTable)
    func roundTrip(fields: [FormField], expected: String) throws {
        #expect(try FormEncoding.decode(expected) == fields)
    }

    @Test("decoding keeps repeated names in order, blank values, and '=' inside values")
    func decodingKeepsEverything() throws {
        // Python: parse_qsl('a=1&&b=&c&d=x=y&e=%2b+%2B&a=2', keep_blank_values=True)
        let fields = try FormEncoding.decode("a=1&&b=&c&d=x=y&e=%2b+%2B&a=2")

        #expect(
            fields == [
                FormField("a", "1"), FormField("b", ""), FormField("c", ""), FormField("d", "x=y"),
                FormField("e", "+ +"), FormField("a", "2"),
            ]
        )
    }

    @Test("an empty body has no fields")
    func emptyBody() throws {
        #expect(try FormEncoding.decode("").isEmpty)
        #expect(try FormEncoding.decode("&&").isEmpty)
    }

    @Test(
        "a malformed percent escape is rejected where it is",
        arguments: [("%", 0), ("a=%4", 2), ("a=%zz", 2), ("ok=1&b%G1=2", 6), ("a=50%", 4)]
    )
    func malformedEscape(body: String, offset: Int) {
        #expect {
            try FormEncoding.decode(body)
        } throws: { error in
            let error = error as? FormDecodingError
            return error?.code == .malformedPercentEscape && error?.offset == offset
        }
    }

    @Test("escapes that decode to invalid UTF-8 are rejected")
    func invalidUTF8() {
        #expect {
            try FormEncoding.decode("Body=ok&To=%FF%FE")
        } throws: { error in
            let error = error as? FormDecodingError
            return error?.code == .invalidUTF8 && error?.offset == 11
        }
    }

    @Test("raw bytes decode like the same text")
    func decodesBytes() throws {
        #expect(
            try FormEncoding.decode(bytes: Array("To=%2B1&Body=a+b".utf8)) == [
                FormField("To", "+1"), FormField("Body", "a b"),
            ]
        )
    }

    @Test("a path segment escapes a space as %20, a slash as %2F and every dot as %2E")
    func pathSegment() {
        #expect(FormEncoding.encodePathSegment("SM1 /../x?y") == "SM1%20%2F%2E%2E%2Fx%3Fy")
        #expect(FormEncoding.encodePathSegment("..") == "%2E%2E")
        #expect(FormEncoding.encodePathSegment(".") == "%2E")
        #expect(FormEncoding.encodePathSegment("a.b-c_d~e") == "a%2Eb-c_d~e")
    }
}
