/// `<Hangup>`: ends the call.
public struct Hangup: VoiceVerb, Hashable {
    /// Creates the verb.
    public init() {}

    public var element: TwiMLElement {
        TwiMLElement(name: "Hangup")
    }
}
