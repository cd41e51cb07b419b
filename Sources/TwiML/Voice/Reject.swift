/// `<Reject>`: refuses an incoming call without answering it.
public struct Reject: VoiceVerb, Hashable {
    /// What the caller hears.
    public enum Reason: String, Hashable, Sendable {
        /// A "not in service" message, Twilio's default.
        case rejected
        /// A busy signal.
        case busy
    }

    /// What the caller hears (`reason`).
    public var reason: Reason?

    /// Creates the verb.
    ///
    /// - Parameter reason: What the caller hears.
    public init(reason: Reason? = nil) {
        self.reason = reason
    }

    public var element: TwiMLElement {
        var element = TwiMLElement(name: "Reject")
        element.set("reason", reason)
        return element
    }
}
