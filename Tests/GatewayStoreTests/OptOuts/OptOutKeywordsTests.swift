import GatewayStore
import Testing

@Suite("Opt-out keywords")
struct OptOutKeywordsTests {
    @Test(
        "the whole body, trimmed, in any case, is one keyword",
        arguments: [
            ("STOP", OptOutIntent.optOut(keyword: "STOP")),
            ("stop", .optOut(keyword: "STOP")),
            ("  Stop \n", .optOut(keyword: "STOP")),
            ("StopAll", .optOut(keyword: "STOPALL")),
            ("unsubscribe", .optOut(keyword: "UNSUBSCRIBE")),
            ("cancel", .optOut(keyword: "CANCEL")),
            ("END", .optOut(keyword: "END")),
            ("quit", .optOut(keyword: "QUIT")),
            ("revoke", .optOut(keyword: "REVOKE")),
            ("optout", .optOut(keyword: "OPTOUT")),
            ("start", .optIn(keyword: "START")),
            ("\tYes", .optIn(keyword: "YES")),
            ("UNSTOP", .optIn(keyword: "UNSTOP")),
            ("HELP", .none),
            ("info", .none),
            ("STOP PLEASE", .none),
            ("please stop", .none),
            ("stop.", .none),
            ("", .none),
            (" \n ", .none),
            ("Stopp", .none),
        ]
    )
    func classify(body: String, intent: OptOutIntent) {
        #expect(OptOutKeywords.classify(body) == intent)
    }
}
