import HTTPServer
import Testing

@Suite("HTTPForm and HTTPHeaders")
struct HTTPFormTests {
    @Test("decodes plus, percent escapes, repeats and empty values in order")
    func decoding() {
        let form = HTTPForm(decoding: "To=%2B15005550006&Body=Hi+there%21&MediaUrl=a&MediaUrl=b&Empty=&Flag&&x=%zz%4")
        #expect(form.fields.map(\.name) == ["To", "Body", "MediaUrl", "MediaUrl", "Empty", "Flag", "x"])
        #expect(form["To"] == "+15005550006")
        #expect(form["Body"] == "Hi there!")
        #expect(form.values(for: "MediaUrl") == ["a", "b"])
        #expect(form["Empty"] == "")
        #expect(form.contains("Flag"))
        #expect(form["x"] == "%zz%4")
        #expect(form["to"] == nil)
    }

    @Test("decodes UTF-8 escapes and replaces invalid bytes")
    func utf8() {
        #expect(HTTPForm(decoding: "Body=h%C3%A9llo+%E2%9C%93")["Body"] == "héllo ✓")
        #expect(HTTPForm(decoding: "Body=%FF")["Body"] == "\u{FFFD}")
    }

    @Test("encodes so that decoding gives the fields back")
    func roundTrip() {
        let form = HTTPForm([("To", "+1 500&555=0006"), ("Body", "héllo ✓ *-._~")])
        #expect(form.encoded == "To=%2B1+500%26555%3D0006&Body=h%C3%A9llo+%E2%9C%93+*-._%7E")
        let decoded = HTTPForm(decoding: form.encoded)
        #expect(decoded.fields.map(\.name) == ["To", "Body"])
        #expect(decoded.fields.map(\.value) == ["+1 500&555=0006", "héllo ✓ *-._~"])
    }

    @Test("looks headers up ignoring case and keeps their order")
    func headers() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain", "X-A": "1"]
        headers.add(name: "x-a", value: "2")
        #expect(headers["CONTENT-TYPE"] == "text/plain")
        #expect(headers.values(for: "X-a") == ["1", "2"])
        headers.replaceOrAdd(name: "X-A", value: "3")
        #expect(headers.fields.map(\.name) == ["Content-Type", "X-A"])
        #expect(headers["x-a"] == "3")
        headers.remove(name: "content-type")
        #expect(headers.count == 1)
    }

    @Test("reads the media type without parameters")
    func mediaType() {
        let request = HTTPRequest(
            method: .post,
            path: "/",
            headers: ["Content-Type": "Application/X-WWW-Form-Urlencoded ; charset=utf-8"]
        )
        #expect(request.mediaType == "application/x-www-form-urlencoded")
        #expect(HTTPRequest(method: .get, path: "/").mediaType == nil)
    }
}
