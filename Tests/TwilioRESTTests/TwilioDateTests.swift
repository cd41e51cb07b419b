import Testing
import TwilioREST

@Suite("Twilio dates")
struct TwilioDateTests {
    @Test(
        "RFC 2822 dates become RFC 3339 UTC",
        arguments: [
            ("Wed, 01 Jan 2025 12:00:00 +0000", "2025-01-01T12:00:00Z"),
            ("Thu, 24 Aug 2023 05:01:45 +0000", "2023-08-24T05:01:45Z"),
            ("Mon, 01 Jan 2024 00:30:00 +0100", "2023-12-31T23:30:00Z"),
            ("Thu, 29 Feb 2024 23:00:00 -0200", "2024-03-01T01:00:00Z"),
            ("Sat, 31 Dec 2022 10:00:00 GMT", "2022-12-31T10:00:00Z"),
        ]
    )
    func converts(input: String, expected: String) {
        #expect(TwilioDate.rfc3339(fromRFC2822: input) == expected)
    }

    @Test("text that is not an RFC 2822 date gives nil", arguments: ["", "2025-01-01T12:00:00Z", "Wed, 01 Foo 2025"])
    func rejects(input: String) {
        #expect(TwilioDate.rfc3339(fromRFC2822: input) == nil)
    }
}
