/// Twilio's default opt-out and opt-in keywords for long codes and toll-free numbers, and the
/// rule that recognizes them: the whole body, trimmed, in any case, is one keyword.
///
/// `STOP PLEASE` or `please stop` is an ordinary message, as it is for Twilio. `HELP` and
/// `INFO` get Twilio's help reply but opt nobody out. A Messaging Service with Advanced Opt-Out
/// may add keywords of its own; those are not known here.
public enum OptOutKeywords {
    /// The keywords that opt a number out: `STOP`, `STOPALL`, `UNSUBSCRIBE`, `CANCEL`, `END`,
    /// `QUIT`, and `REVOKE` and `OPTOUT`, which Twilio's current documentation adds.
    public static let optOut: Set<String> = [
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
    ]

    /// The keywords that opt a number back in: `START`, `YES`, `UNSTOP`.
    public static let optIn: Set<String> = ["START", "YES", "UNSTOP"]

    /// Reads an inbound message's `Body`.
    ///
    /// - Parameter body: The message text.
    /// - Returns: ``OptOutIntent/optOut(keyword:)`` or ``OptOutIntent/optIn(keyword:)`` with the
    ///   keyword in upper case, or ``OptOutIntent/none``.
    public static func classify(_ body: String) -> OptOutIntent {
        let characters = Array(body)
        guard let first = characters.firstIndex(where: { !$0.isWhitespace }),
            let last = characters.lastIndex(where: { !$0.isWhitespace })
        else {
            return .none
        }
        let word = String(characters[first...last]).uppercased()
        if optOut.contains(word) {
            return .optOut(keyword: word)
        }
        if optIn.contains(word) {
            return .optIn(keyword: word)
        }
        return .none
    }
}
