/// `<Body>`: the text of a `<Message>`.
public struct Body: MessageNoun, Hashable {
    /// The text.
    public var text: String

    /// Creates the noun.
    ///
    /// - Parameter text: The text.
    public init(_ text: String) {
        self.text = text
    }

    public var element: TwiMLElement {
        TwiMLElement(name: "Body", text: text)
    }
}
