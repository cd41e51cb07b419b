/// `<Media>`: the URL of an image or other file to attach to a `<Message>` (up to 10).
public struct Media: MessageNoun, Hashable {
    /// The file's URL.
    public var url: String

    /// Creates the noun.
    ///
    /// - Parameter url: The file's URL.
    public init(_ url: String) {
        self.url = url
    }

    public var element: TwiMLElement {
        TwiMLElement(name: "Media", text: url)
    }
}
