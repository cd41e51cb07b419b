internal import GatewayAPI
internal import Testing

@testable internal import TwilioGatewayCLI

/// The line `bulk-send` redraws on a terminal.
@Suite("ProgressLine")
struct ProgressLineTests {
    static let plain = TerminalStyle(erasesLines: true, colors: false)
    static let colored = TerminalStyle(erasesLines: true, colors: true)

    static func tally(total: Int, sent: Int, failed: Int) -> BulkTally {
        var tally = BulkTally(total: total)
        for _ in 0..<sent {
            tally.record(BulkRecipientResult(outcome: .sent, attempts: 1))
        }
        for _ in 0..<failed {
            tally.record(BulkRecipientResult(outcome: .failed, attempts: 2))
        }
        return tally
    }

    @Test("the line shows the share, sent, failed, remaining, rate and time left")
    func figures() {
        let line = ProgressLine(tally: Self.tally(total: 1000, sent: 410, failed: 2), rate: 37.5)

        let text = line.text(width: 120, style: Self.plain)

        #expect(text.hasPrefix("[####"), "\(text)")
        #expect(text.hasSuffix("]  41%  sent 410  failed 2  remaining 588  38 msg/s  ETA 0:16"), "\(text)")
    }

    @Test(
        "the line takes the width less one column, the bar filling what the figures leave",
        arguments: [80, 120, 200]
    )
    func fitsWidth(_ width: Int) {
        let line = ProgressLine(tally: Self.tally(total: 1000, sent: 500, failed: 0), rate: 4.25)

        let text = line.text(width: width, style: Self.plain)

        #expect(text.count == width - 1, "\(text)")
        #expect(text.contains("4.3 msg/s  ETA 1:58"), "\(text)")
    }

    @Test("a terminal too narrow for a bar gets the figures alone, cut to fit", arguments: [10, 50, 70])
    func narrow(_ width: Int) {
        let line = ProgressLine(tally: Self.tally(total: 100_000, sent: 5, failed: 0), rate: nil)

        let text = line.text(width: width, style: Self.plain)

        #expect(text.count <= width - 1, "\(text)")
        #expect(!text.contains("["), "\(text)")
    }

    @Test("colours take no columns, and only a failure count above 0 is red")
    func colors() {
        let tally = Self.tally(total: 10, sent: 5, failed: 1)
        let line = ProgressLine(tally: tally, rate: 2)

        let colored = line.text(width: 80, style: Self.colored)
        let plain = line.text(width: 80, style: Self.plain)

        #expect(colored.replacing(/\u{1B}\[[0-9;]*m/, with: "") == plain)
        #expect(colored.contains("failed \u{1B}[31m1\u{1B}[0m"), "\(colored)")
        #expect(
            ProgressLine(tally: Self.tally(total: 2, sent: 0, failed: 0), rate: 2).text(width: 80, style: Self.colored)
                .contains("\u{1B}") == false
        )
    }

    @Test("without a rate the time left is unknown; with nothing left it is 0:00")
    func unknownRate() {
        let running = ProgressLine(tally: Self.tally(total: 10, sent: 1, failed: 0), rate: nil)
        let stalled = ProgressLine(tally: Self.tally(total: 10, sent: 1, failed: 0), rate: 0)
        let done = ProgressLine(tally: Self.tally(total: 10, sent: 9, failed: 1), rate: nil)

        #expect(running.text(width: 120, style: Self.plain).hasSuffix("-- msg/s  ETA --:--"))
        #expect(stalled.text(width: 120, style: Self.plain).hasSuffix("0.0 msg/s  ETA --:--"))
        #expect(
            done.text(width: 120, style: Self.plain).hasSuffix(
                "100%  sent 9  failed 1  remaining 0  -- msg/s  ETA 0:00"
            )
        )
    }

    @Test(
        "times left read as m:ss, or h:mm:ss from an hour on",
        arguments: [(0, "0:00"), (9, "0:09"), (75, "1:15"), (3599, "59:59"), (3600, "1:00:00"), (37_230, "10:20:30")]
    )
    func clock(_ seconds: Int, text: String) {
        #expect(ProgressLine.clock(seconds: seconds) == text)
    }

    @Test(
        "rates carry one decimal below 10",
        arguments: [(0.04, "0.0"), (7.46, "7.5"), (9.94, "9.9"), (10.4, "10"), (312.5, "313")]
    )
    func decimal(_ value: Double, text: String) {
        #expect(ProgressLine.decimal(value) == text)
    }
}
