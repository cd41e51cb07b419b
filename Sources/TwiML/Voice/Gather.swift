/// `<Gather>`: collects digits or speech, reading out the nested ``GatherVerb``s meanwhile.
public struct Gather: VoiceVerb, Hashable {
    /// Which input to collect (`input`).
    public struct Input: OptionSet, Hashable, Sendable {
        /// The set's bits.
        public var rawValue: Int

        /// Creates a set from its bits.
        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        /// Key presses, Twilio's default.
        public static let dtmf = Input(rawValue: 1 << 0)
        /// Speech.
        public static let speech = Input(rawValue: 1 << 1)

        /// The attribute value, such as `dtmf speech`.
        var attributeValue: String {
            [(Self.dtmf, "dtmf"), (Self.speech, "speech")].filter { contains($0.0) }.map(\.1).joined(separator: " ")
        }
    }

    /// How long to wait after the caller stops speaking (`speechTimeout`).
    public enum SpeechTimeout: Hashable, Sendable {
        /// Until a pause in speech, as Twilio judges it.
        case auto
        /// A fixed number of seconds.
        case seconds(Int)

        var attributeValue: String {
            switch self {
            case .auto: "auto"
            case .seconds(let seconds): String(seconds)
            }
        }
    }

    /// Which input to collect.
    public var input: Input?
    /// Where Twilio sends the result (`action`); the current document's URL by default.
    public var action: String?
    /// How to request ``action`` (`method`).
    public var method: TwiMLMethod?
    /// Seconds to wait for the first input; Twilio's default is 5 (`timeout`).
    public var timeout: Int?
    /// How many digits to collect (`numDigits`).
    public var numDigits: Int?
    /// The key that ends the input, `#` by default; "" turns it off (`finishOnKey`).
    public var finishOnKey: String?
    /// How long to wait once speech stops (`speechTimeout`).
    public var speechTimeout: SpeechTimeout?
    /// The language of the speech, such as `en-US` (`language`).
    public var language: String?
    /// Words or phrases likely to be said, separated by commas (`hints`).
    public var hints: String?
    /// The nested verbs' elements, in order.
    public var verbs: [TwiMLElement]

    /// Creates the verb.
    ///
    /// - Parameters:
    ///   - input: Which input to collect.
    ///   - action: Where Twilio sends the result.
    ///   - method: How to request `action`.
    ///   - timeout: Seconds to wait for the first input.
    ///   - numDigits: How many digits to collect.
    ///   - finishOnKey: The key that ends the input.
    ///   - speechTimeout: How long to wait once speech stops.
    ///   - language: The language of the speech.
    ///   - hints: Likely words or phrases, separated by commas.
    ///   - content: The verbs read out while gathering: Say, Play, Pause.
    public init(
        input: Input? = nil,
        action: String? = nil,
        method: TwiMLMethod? = nil,
        timeout: Int? = nil,
        numDigits: Int? = nil,
        finishOnKey: String? = nil,
        speechTimeout: SpeechTimeout? = nil,
        language: String? = nil,
        hints: String? = nil,
        @TwiMLBuilder<any GatherVerb> _ content: () -> [any GatherVerb] = { [] }
    ) {
        self.input = input
        self.action = action
        self.method = method
        self.timeout = timeout
        self.numDigits = numDigits
        self.finishOnKey = finishOnKey
        self.speechTimeout = speechTimeout
        self.language = language
        self.hints = hints
        self.verbs = content().map(\.element)
    }

    public var element: TwiMLElement {
        var element = TwiMLElement(name: "Gather", children: verbs)
        element.set("input", input?.attributeValue)
        element.set("action", action)
        element.set("method", method)
        element.set("timeout", timeout)
        element.set("numDigits", numDigits)
        element.set("finishOnKey", finishOnKey)
        element.set("speechTimeout", speechTimeout?.attributeValue)
        element.set("language", language)
        element.set("hints", hints)
        return element
    }
}
