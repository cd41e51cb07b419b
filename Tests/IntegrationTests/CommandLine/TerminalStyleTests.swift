internal import Testing

@testable internal import TwilioGatewayCLI

/// What `TERM` and `NO_COLOR` allow on the progress bar's terminal.
@Suite("TerminalStyle")
struct TerminalStyleTests {
    @Test(
        "TERM=dumb takes no escape codes, NO_COLOR no colours, and anything else both",
        arguments: [
            ([:], true, true), (["TERM": "xterm-256color"], true, true), (["TERM": "dumb"], false, false),
            (["NO_COLOR": "1"], true, false), (["NO_COLOR": ""], true, true),
            (["TERM": "dumb", "NO_COLOR": "1"], false, false),
        ]
    )
    func style(_ variables: [String: String], erasesLines: Bool, colors: Bool) {
        let style = TerminalStyle(environment: Environment(variables))

        #expect(style == TerminalStyle(erasesLines: erasesLines, colors: colors))
    }
}
