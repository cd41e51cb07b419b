/// What a terminal's output may hold besides text: `TERM=dumb` takes no escape sequences at
/// all, and a non-empty `NO_COLOR` (no-color.org) asks for no colours.
struct TerminalStyle: Equatable {
    /// Whether ANSI sequences that move the cursor or erase may be written.
    var erasesLines: Bool
    /// Whether ANSI colours may be written.
    var colors: Bool

    init(erasesLines: Bool, colors: Bool) {
        self.erasesLines = erasesLines
        self.colors = colors
    }

    /// The style that `TERM` and `NO_COLOR` in `environment` allow.
    init(environment: Environment) {
        let dumb = environment["TERM"] == "dumb"
        erasesLines = !dumb
        colors = !dumb && environment["NO_COLOR"] == nil
    }

    /// `text` in green when colours are allowed.
    func green(_ text: String) -> String {
        painted(text, "32")
    }

    /// `text` in red when colours are allowed.
    func red(_ text: String) -> String {
        painted(text, "31")
    }

    private func painted(_ text: String, _ color: String) -> String {
        colors && !text.isEmpty ? "\u{1B}[\(color)m" + text + "\u{1B}[0m" : text
    }
}
