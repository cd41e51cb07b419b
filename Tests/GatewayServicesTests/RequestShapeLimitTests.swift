import GatewayAPI
import Testing

@testable import GatewayServices

/// The hosts of the URLs Twilio will call, and the lengths of URLs and addresses, are checked
/// before Twilio is asked; a value refused says why without repeating itself.
@Suite("Request checks bound hosts, URLs and addresses")
struct RequestShapeLimitTests {
    @Test(
        "a URL whose host is not a DNS name, an IPv4 address or a bracketed IPv6 address is refused",
        arguments: [
            "http://%00/", "http://exa%2Emple.com/", "https://exa_mple.com/", "https://-a.example/",
            "https://a-.example/", "https://a..example/", "https://ex*ample.com/", "https://exämple.com/",
            "https://./", "https://[zz::1]/", "https://[fe80::1%25eth0]/", "https://[::1/", "http://256.1.1.1/",
            "http://1.2.3/", "http://01.2.3.4/", "http://0x7f.0.0.1/", "http://%31%32%37.0.0.1/",
        ]
    )
    func refusedHosts(url: String) {
        let problem = RequestValidation.httpURLProblem(url)
        #expect(problem != nil, "\(url) was accepted")
        let violations = RequestValidation.callbackURLViolations("status_callback", url)
        #expect(violations.map(\.field) == ["status_callback"])
    }

    @Test(
        "a URL with a DNS name, a punycode name or an IP address is accepted",
        arguments: [
            "https://example.com/status", "https://EXAMPLE.com./status", "https://xn--bcher-kva.example/",
            "http://127.0.0.1:9/status", "http://[::1]:8080/", "https://[2001:db8::1]/a?b=c#d", "http://localhost",
            "https://a-b.c0m/", "https://4chan.example/",
        ]
    )
    func acceptedHosts(url: String) {
        #expect(RequestValidation.httpURLProblem(url) == nil)
    }

    @Test("the message of a refused host says which hosts are accepted")
    func hostMessage() throws {
        let violation = try #require(RequestValidation.callbackURLViolations("status_callback", "http://%00/").first)
        #expect(violation.description.contains("DNS name"), "\(violation.description)")
        #expect(violation.description.contains("IPv6 address in brackets"), "\(violation.description)")
        let ipv4 = try #require(RequestValidation.callbackURLViolations("status_callback", "http://256.1.1.1/").first)
        #expect(ipv4.description.contains("four numbers from 0 to 255"), "\(ipv4.description)")
    }

    @Test("a URL of 4,096 bytes is accepted and one of 4,097 refused, giving the limit and the length")
    func urlLength() throws {
        let prefix = "https://example.com/"
        let longest = prefix + String(repeating: "a", count: 4096 - prefix.utf8.count)
        #expect(longest.utf8.count == 4096)
        #expect(RequestValidation.httpURLProblem(longest) == nil)

        let violation = try #require(RequestValidation.callbackURLViolations("status_callback", longest + "a").first)
        #expect(violation.description.contains("of at most 4096 bytes (this one has 4097)"), "\(violation.description)")

        let huge = prefix + String(repeating: "p", count: 100_000)
        for violations in [
            RequestValidation.callbackURLViolations("twiml_url", huge),
            RequestValidation.mediaURLViolations(["https://example.com/a.png", huge]),
        ] {
            let description = try #require(violations.first?.description)
            #expect(description.contains("at most 4096 bytes"), "\(description)")
            #expect(description.count < 300)
        }
    }

    @Test(
        "an address is refused once it is longer than its kind allows, without quoting it",
        arguments: [
            ("rcs:", 128, "message recipient"), ("messenger:", 128, "message recipient"),
            ("rcs:", 128, "message sender"), ("messenger:", 128, "message sender"),
            ("client:", 256, "call recipient"), ("sip:", 1024, "call recipient"), ("client:", 256, "caller ID"),
        ]
    )
    func addressLengths(prefix: String, limit: Int, kind: String) throws {
        let check: (String, String) -> [FieldViolation] =
            switch kind {
            case "message recipient": RequestValidation.messageRecipientViolations
            case "message sender": RequestValidation.messageSenderViolations
            case "call recipient": RequestValidation.callRecipientViolations
            default: RequestValidation.callerIDViolations
            }
        #expect(check("to", prefix + String(repeating: "a", count: limit)).isEmpty)

        let over = check("to", prefix + String(repeating: "a", count: limit + 1))
        #expect(
            over.map(\.description) == [
                "must have at most \(limit) characters after \(prefix) (this one has \(limit + 1))"
            ]
        )

        let huge = check("to", prefix + String(repeating: "b", count: 5000))
        let description = try #require(huge.first?.description)
        #expect(description.contains("(this one has 5000)"))
        #expect(!description.contains("bbbb"))
    }

    @Test("an email address of 254 characters is accepted and one of 255 refused")
    func emailLength() {
        let domain = "@example.com"
        let longest = String(repeating: "a", count: 254 - domain.count) + domain
        #expect(RequestValidation.emailViolations("to", longest).isEmpty)
        let over = RequestValidation.emailViolations("to", "a" + longest)
        #expect(over.first?.description.contains("at most 254 characters (this one has 255)") == true)
    }
}
