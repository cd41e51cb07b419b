/// `<Pause>`: waits in silence.
public struct Pause: VoiceVerb, GatherVerb, Hashable {
    /// How many seconds to wait; Twilio's default is 1 (`length`).
    public var length: Int?

    /// Creates the verb.
    ///
    /// - Parameter length: How many seconds to wait.
    public init(length: Int? = nil) {
        self.length = length
    }

    public var element: TwiMLElement {
        var element = TwiMLElement(name: "Pause")
        element.set("length", length)
        return element
    }
}
