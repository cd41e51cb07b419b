import ServiceSupport
import Testing

@Suite("Timestamp RFC 3339")
struct TimestampTests {
    @Test(
        "parses RFC 3339 date-times with zones and fractions",
        arguments: [
            ("2025-01-01T12:00:00Z", 1_735_732_800.0),
            ("2025-01-01t12:00:00z", 1_735_732_800.0),
            ("2025-01-01T14:30:00+02:30", 1_735_732_800.0),
            ("2025-01-01T07:00:00-05:00", 1_735_732_800.0),
            ("2025-01-01T12:00:00.25Z", 1_735_732_800.25),
            ("2024-02-29T00:00:00Z", 1_709_164_800.0),
            ("1970-01-01T00:00:00.000001Z", 0.000001),
        ]
    )
    func parses(text: String, seconds: Double) throws {
        let parsed = try #require(Timestamp.seconds(fromRFC3339: text))
        #expect(abs(parsed - seconds) < 1e-6)
    }

    @Test(
        "refuses what is not an RFC 3339 date-time",
        arguments: [
            "", "2025-01-01", "2025-01-01T12:00:00", "2025-01-01 12:00:00Z", "2025-13-01T00:00:00Z",
            "2025-02-30T00:00:00Z", "2025-01-01T24:00:00Z", "2025-01-01T12:00:60Z", "2025-01-01T12:00:00.Z",
            "2025-01-01T12:00:00+0200", "2025-01-01T12:00:00Zjunk", "Wed, 01 Jan 2025 12:00:00 +0000",
        ]
    )
    func refuses(text: String) {
        #expect(Timestamp.seconds(fromRFC3339: text) == nil)
    }

    @Test("formats whole seconds in UTC, as Twilio's libraries send SendAt")
    func wholeSeconds() {
        #expect(Timestamp.rfc3339WholeSeconds(1_735_732_800.999) == "2025-01-01T12:00:00Z")
        #expect(Timestamp.rfc3339WholeSeconds(0) == "1970-01-01T00:00:00Z")
    }
}
