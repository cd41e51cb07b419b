/// The messages of GraphQL over Server-Sent Events (distinct connections mode), in the
/// `text/event-stream` format.
enum ServerSentEvents {
    /// One result: `event: next` and the result as JSON, one `data:` line per line of it.
    static func next(_ json: String) -> String {
        let lines = json.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        return "event: next\n" + lines.map { "data: \($0)\n" }.joined() + "\n"
    }

    /// The end of the results: `event: complete` with an empty `data:` line, which an
    /// `EventSource` needs to dispatch the event at all.
    static let complete = "event: complete\ndata:\n\n"

    /// A comment line with nothing in it, sent now and then so that proxies keep an idle
    /// stream open; clients ignore it.
    static let keepAlive = ":\n\n"
}
