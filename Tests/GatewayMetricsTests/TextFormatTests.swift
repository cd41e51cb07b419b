import Testing

@testable import GatewayMetrics

@Suite("The text exposition format's escaping, numbers and names")
struct TextFormatTests {
    @Test(
        "label values escape backslash, double quote and line feed, and nothing else",
        arguments: [
            ("plain", "plain"),
            (#"C:\path"#, #"C:\\path"#),
            (#"say "hi""#, #"say \"hi\""#),
            ("two\nlines", #"two\nlines"#),
            (#"\"#, #"\\"#),
            ("tab\tand ünïcode", "tab\tand ünïcode"),
            (#"\n"#, #"\\n"#),
        ]
    )
    func labelValues(raw: String, escaped: String) {
        #expect(TextFormat.escapeLabelValue(raw) == escaped)
    }

    @Test("HELP text escapes backslash and line feed but keeps double quotes")
    func help() {
        #expect(TextFormat.escapeHelp("a \\ b\nc \"d\"") == #"a \\ b\nc "d""#)
    }

    @Test(
        "values print as Prometheus reads them",
        arguments: [
            (0.0, "0"), (-0.0, "0"), (1, "1"), (42, "42"), (-3, "-3"), (0.25, "0.25"), (0.005, "0.005"),
            (1e-05, "1e-05"), (1e20, "1e+20"), (123_456.5, "123456.5"), (.infinity, "+Inf"),
            (-.infinity, "-Inf"), (.nan, "NaN"),
        ]
    )
    func values(value: Double, text: String) {
        #expect(TextFormat.formatValue(value) == text)
    }

    @Test(
        "metric names allow colons, label names do not, and neither starts with a digit",
        arguments: [
            ("twilio_gateway_rpc_calls_total", true, true),
            ("job:rate5m", true, false),
            ("_private", true, true),
            ("__reserved", true, false),
            ("9lives", false, false),
            ("", false, false),
            ("with-dash", false, false),
            ("with space", false, false),
            ("ünï", false, false),
        ]
    )
    func names(name: String, isMetricName: Bool, isLabelName: Bool) {
        #expect(TextFormat.isValidMetricName(name) == isMetricName)
        #expect(TextFormat.isValidLabelName(name) == isLabelName)
    }
}
