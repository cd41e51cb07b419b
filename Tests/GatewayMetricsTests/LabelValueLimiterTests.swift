import GatewayMetrics
import Testing

@Suite("LabelValueLimiter")
struct LabelValueLimiterTests {
    @Test("keeps the first values up to the limit, then answers the overflow value for new ones")
    func limit() {
        let limiter = LabelValueLimiter(limit: 2)
        #expect(limiter.admit("SendWelcome") == "SendWelcome")
        #expect(limiter.admit("GetMessage") == "GetMessage")
        #expect(limiter.admit("Third") == "other")
        #expect(limiter.admit("SendWelcome") == "SendWelcome")
        #expect(limiter.admit("Fourth") == "other")
    }

    @Test("cuts long values to the maximum length before counting them")
    func length() {
        let limiter = LabelValueLimiter(limit: 1, maximumLength: 4, overflowValue: "rest")
        #expect(limiter.admit("abcdefgh") == "abcd")
        #expect(limiter.admit("abcdzzzz") == "abcd")
        #expect(limiter.admit("xyz") == "rest")
    }

    @Test("a flood of distinct values costs at most limit + 1 series")
    func flood() {
        let limiter = LabelValueLimiter(limit: 10)
        let labels = Set((0..<10_000).map { limiter.admit("name\($0)") })
        #expect(labels.count == 11)
        #expect(labels.contains("other"))
    }
}
