import ServiceSupport
import Testing

@Suite("SMSSegments")
struct SMSSegmentsTests {
    private static let escapeStraddlingBoundary =
        String(repeating: "a", count: 152) + "€" + String(repeating: "a", count: 152)

    @Test(
        "counts GSM-7 and UCS-2 segments",
        arguments: [
            ("", SMSSegments.Encoding.gsm7, 0, 0),
            ("Hello", .gsm7, 5, 1),
            (String(repeating: "a", count: 160), .gsm7, 160, 1),
            (String(repeating: "a", count: 161), .gsm7, 161, 2),
            (String(repeating: "a", count: 306), .gsm7, 306, 2),
            (String(repeating: "a", count: 307), .gsm7, 307, 3),
            (String(repeating: "€", count: 80), .gsm7, 160, 1),
            (String(repeating: "€", count: 81), .gsm7, 162, 2),
            (escapeStraddlingBoundary, .gsm7, 306, 3),
            ("Grüße à Paris, ¿qué tal? {ok} [1] ~ | ^ \\", .gsm7, 49, 1),
            ("Line\r\nbreak", .gsm7, 11, 1),
            (String(repeating: "ж", count: 70), .ucs2, 70, 1),
            (String(repeating: "ж", count: 71), .ucs2, 71, 2),
            (String(repeating: "ж", count: 134), .ucs2, 134, 2),
            (String(repeating: "ж", count: 135), .ucs2, 135, 3),
            (String(repeating: "😀", count: 35), .ucs2, 70, 1),
            (String(repeating: "😀", count: 36), .ucs2, 72, 2),
            ("a" + String(repeating: "😀", count: 33) + "b", .ucs2, 68, 1),
        ]
    )
    func counts(body: String, encoding: SMSSegments.Encoding, units: Int, segments: Int) {
        let measured = SMSSegments(measuring: body)
        #expect(measured.encoding == encoding)
        #expect(measured.units == units)
        #expect(measured.count == segments)
    }

    @Test("keeps a surrogate pair whole at a segment boundary")
    func surrogatePairAtBoundary() {
        let body = String(repeating: "ж", count: 66) + "😀" + String(repeating: "ж", count: 10)
        let measured = SMSSegments(measuring: body)
        #expect(measured.units == 78)
        #expect(measured.count == 2)
    }
}
