/// `<Redirect>`: continues with the TwiML at another URL; a verb of both voice and messaging
/// responses.
public struct Redirect: VoiceVerb, MessagingVerb, Hashable {
    /// The URL of the next TwiML document, absolute or relative to the current one.
    public var url: String
    /// How to request it; Twilio's default is `POST` (`method`).
    public var method: TwiMLMethod?

    /// Creates the verb.
    ///
    /// - Parameters:
    ///   - url: The URL of the next TwiML document.
    ///   - method: How to request it.
    public init(_ url: String, method: TwiMLMethod? = nil) {
        self.url = url
        self.method = method
    }

    public var element: TwiMLElement {
        var element = TwiMLElement(name: "Redirect", text: url)
        element.set("method", method)
        return element
    }
}
