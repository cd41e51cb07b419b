internal import HTTPServer

/// What a `POST …/Calls/{Sid}.json` asks for: a new status, or new TwiML.
///
/// `Status` wins when it is given with `Url` or `Twiml`, and `Url` wins over `Twiml`, as on
/// create. A request with none of them changes nothing.
enum CallChange: Sendable, Equatable {
    /// `Status=canceled`: end a call that is not answered yet.
    case cancel
    /// `Status=completed`: hang up, whatever the state.
    case complete
    /// `Url` (with `Method`) or `Twiml`: run this TwiML from now on.
    case redirect(url: String?, method: String, twiml: String?)

    /// Parses the form, or returns `nil` when it asks for no change.
    ///
    /// - Throws: 20001 for an unknown `Status`, 21205 for a bad `Url` or oversized `Twiml`,
    ///   21209 for a bad `Method`.
    static func parse(_ form: HTTPForm) throws(TwilioError) -> CallChange? {
        if let status = CallDraft.nonEmpty(form["Status"]) {
            switch status {
            case "canceled": return .cancel
            case "completed": return .complete
            default: throw .invalidCallStatus(status)
            }
        }
        let url = CallDraft.nonEmpty(form["Url"])
        let twiml = url == nil ? CallDraft.nonEmpty(form["Twiml"]) : nil
        guard url != nil || twiml != nil else {
            return nil
        }
        try CallDraft.checkInstructions(url: url, twiml: twiml)
        return .redirect(url: url, method: try CallDraft.method(form, "Method"), twiml: twiml)
    }
}
