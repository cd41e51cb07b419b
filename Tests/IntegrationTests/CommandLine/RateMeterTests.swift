internal import Testing

@testable internal import TwilioGatewayCLI

/// The rate `bulk-send` shows: results per second over the last few seconds.
@Suite("RateMeter")
struct RateMeterTests {
    @Test("there is no figure until the samples span 200 ms")
    func tooShort() {
        var meter = RateMeter()
        meter.record(completed: 0, at: .zero)
        meter.record(completed: 50, at: .milliseconds(150))

        #expect(meter.perSecond == nil)

        meter.record(completed: 100, at: .milliseconds(250))
        #expect(meter.perSecond == 400)
    }

    @Test("the rate follows a change of pace once the old samples leave the window")
    func window() throws {
        var meter = RateMeter()
        for tenth in 0...100 {
            meter.record(completed: tenth * 10, at: .milliseconds(tenth * 100))
        }
        #expect(meter.perSecond == 100)

        for tenth in 101...200 {
            meter.record(completed: 1000 + (tenth - 100), at: .milliseconds(tenth * 100))
        }
        let rate = try #require(meter.perSecond)
        #expect(rate >= 9.9 && rate <= 10.1, "\(rate)")
    }
}
