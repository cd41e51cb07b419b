/// `<Say>`: reads text aloud with text-to-speech.
public struct Say: VoiceVerb, GatherVerb, Hashable {
    /// A text-to-speech voice, such as `alice`, `Polly.Joanna` or `Google.en-US-Neural2-F`.
    public struct Voice: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
        /// The voice's name as Twilio spells it.
        public var rawValue: String

        /// Creates a voice from its name.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// Creates a voice from its name.
        public init(stringLiteral value: String) {
            rawValue = value
        }

        /// The basic male voice.
        public static let man = Voice(rawValue: "man")
        /// The basic female voice.
        public static let woman = Voice(rawValue: "woman")
        /// The legacy `alice` voice.
        public static let alice = Voice(rawValue: "alice")
    }

    /// The text to read; empty text writes `<Say />`.
    public var message: String
    /// The voice (`voice`).
    public var voice: Voice?
    /// How many times to read the text; 0 repeats until the call ends (`loop`).
    public var loop: Int?
    /// The language and locale, such as `en-US` (`language`).
    public var language: String?

    /// Creates the verb.
    ///
    /// - Parameters:
    ///   - message: The text to read.
    ///   - voice: The voice.
    ///   - loop: How many times to read it.
    ///   - language: The language, such as `en-US`.
    public init(_ message: String, voice: Voice? = nil, loop: Int? = nil, language: String? = nil) {
        self.message = message
        self.voice = voice
        self.loop = loop
        self.language = language
    }

    public var element: TwiMLElement {
        var element = TwiMLElement(name: "Say", text: message)
        element.set("voice", voice)
        element.set("loop", loop)
        element.set("language", language)
        return element
    }
}
