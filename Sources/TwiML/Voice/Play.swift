/// `<Play>`: plays an audio file, or sends DTMF tones.
public struct Play: VoiceVerb, GatherVerb, Hashable {
    /// The audio file's URL; empty when only ``digits`` are played.
    public var url: String
    /// How many times to play it; 0 repeats until the call ends (`loop`).
    public var loop: Int?
    /// DTMF tones to send, `0`-`9`, `*`, `#` and `w` for a half-second pause (`digits`).
    public var digits: String?

    /// Creates the verb.
    ///
    /// - Parameters:
    ///   - url: The audio file's URL, or "" to play only `digits`.
    ///   - loop: How many times to play it.
    ///   - digits: DTMF tones to send.
    public init(_ url: String = "", loop: Int? = nil, digits: String? = nil) {
        self.url = url
        self.loop = loop
        self.digits = digits
    }

    public var element: TwiMLElement {
        var element = TwiMLElement(name: "Play", text: url)
        element.set("loop", loop)
        element.set("digits", digits)
        return element
    }
}
