/// What an inbound message's body asks for, as ``OptOutKeywords/classify(_:)`` reads it.
public enum OptOutIntent: Hashable, Sendable {
    /// An opt-out keyword, such as `STOP`; the keyword in upper case.
    case optOut(keyword: String)
    /// An opt-in keyword, such as `START`; the keyword in upper case.
    case optIn(keyword: String)
    /// Any other message, `HELP` and `INFO` included.
    case none
}
