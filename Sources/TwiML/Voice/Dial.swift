/// `<Dial>`: connects the caller to another party, given as a plain number or as nouns.
public struct Dial: VoiceVerb, Hashable {
    /// Whether and how to record the dialled call (`record`).
    public struct Recording: RawRepresentable, Hashable, Sendable {
        /// The value as Twilio spells it.
        public var rawValue: String

        /// Creates a value from Twilio's spelling.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// No recording, Twilio's default.
        public static let doNotRecord = Recording(rawValue: "do-not-record")
        /// Record from when the call is answered.
        public static let recordFromAnswer = Recording(rawValue: "record-from-answer")
        /// Record from when the call starts ringing.
        public static let recordFromRinging = Recording(rawValue: "record-from-ringing")
        /// Record from answer, each party on its own channel.
        public static let recordFromAnswerDual = Recording(rawValue: "record-from-answer-dual")
        /// Record from ringing, each party on its own channel.
        public static let recordFromRingingDual = Recording(rawValue: "record-from-ringing-dual")
    }

    /// The number to dial when given as plain text; empty with nouns.
    public var number: String
    /// Where Twilio reports the dialled call's outcome (`action`).
    public var action: String?
    /// How to request ``action`` (`method`).
    public var method: TwiMLMethod?
    /// Seconds to let the party ring; Twilio's default is 30 (`timeout`).
    public var timeout: Int?
    /// The caller ID shown to the dialled party (`callerId`).
    public var callerID: String?
    /// Whether and how to record (`record`).
    public var record: Recording?
    /// Whether the caller hears ringing until the party answers (`answerOnBridge`).
    public var answerOnBridge: Bool?
    /// The nouns' elements, in order.
    public var nouns: [TwiMLElement]

    /// Creates the verb for one number given as text, such as `Dial("+14155550100")`.
    ///
    /// - Parameters:
    ///   - number: The number to dial.
    ///   - action: Where Twilio reports the outcome.
    ///   - method: How to request `action`.
    ///   - timeout: Seconds to let the party ring.
    ///   - callerID: The caller ID to show.
    ///   - record: Whether and how to record.
    ///   - answerOnBridge: Whether the caller hears ringing until the party answers.
    public init(
        _ number: String,
        action: String? = nil,
        method: TwiMLMethod? = nil,
        timeout: Int? = nil,
        callerID: String? = nil,
        record: Recording? = nil,
        answerOnBridge: Bool? = nil
    ) {
        self.init(
            action: action,
            method: method,
            timeout: timeout,
            callerID: callerID,
            record: record,
            answerOnBridge: answerOnBridge
        )
        self.number = number
    }

    /// Creates the verb for the parties given as nouns.
    ///
    /// - Parameters:
    ///   - action: Where Twilio reports the outcome.
    ///   - method: How to request `action`.
    ///   - timeout: Seconds to let the parties ring.
    ///   - callerID: The caller ID to show.
    ///   - record: Whether and how to record.
    ///   - answerOnBridge: Whether the caller hears ringing until a party answers.
    ///   - content: The parties: Number nouns.
    public init(
        action: String? = nil,
        method: TwiMLMethod? = nil,
        timeout: Int? = nil,
        callerID: String? = nil,
        record: Recording? = nil,
        answerOnBridge: Bool? = nil,
        @TwiMLBuilder<any DialNoun> _ content: () -> [any DialNoun] = { [] }
    ) {
        self.number = ""
        self.action = action
        self.method = method
        self.timeout = timeout
        self.callerID = callerID
        self.record = record
        self.answerOnBridge = answerOnBridge
        self.nouns = content().map(\.element)
    }

    public var element: TwiMLElement {
        var element = TwiMLElement(name: "Dial", text: number, children: nouns)
        element.set("action", action)
        element.set("method", method)
        element.set("timeout", timeout)
        element.set("callerId", callerID)
        element.set("record", record)
        element.set("answerOnBridge", answerOnBridge)
        return element
    }
}
