/// `<Record>`: records what the caller says.
public struct Record: VoiceVerb, Hashable {
    /// Where Twilio sends the recording's details (`action`).
    public var action: String?
    /// How to request ``action`` (`method`).
    public var method: TwiMLMethod?
    /// Seconds of silence that end the recording; Twilio's default is 5 (`timeout`).
    public var timeout: Int?
    /// The longest recording in seconds (`maxLength`).
    public var maxLength: Int?
    /// The keys that end the recording (`finishOnKey`).
    public var finishOnKey: String?
    /// Whether a beep plays before recording starts (`playBeep`).
    public var playBeep: Bool?
    /// Whether to transcribe the recording (`transcribe`).
    public var transcribe: Bool?
    /// Where Twilio reports the recording's status (`recordingStatusCallback`).
    public var recordingStatusCallback: String?

    /// Creates the verb.
    ///
    /// - Parameters:
    ///   - action: Where Twilio sends the recording's details.
    ///   - method: How to request `action`.
    ///   - timeout: Seconds of silence that end the recording.
    ///   - maxLength: The longest recording in seconds.
    ///   - finishOnKey: The keys that end the recording.
    ///   - playBeep: Whether a beep plays first.
    ///   - transcribe: Whether to transcribe the recording.
    ///   - recordingStatusCallback: Where to report the recording's status.
    public init(
        action: String? = nil,
        method: TwiMLMethod? = nil,
        timeout: Int? = nil,
        maxLength: Int? = nil,
        finishOnKey: String? = nil,
        playBeep: Bool? = nil,
        transcribe: Bool? = nil,
        recordingStatusCallback: String? = nil
    ) {
        self.action = action
        self.method = method
        self.timeout = timeout
        self.maxLength = maxLength
        self.finishOnKey = finishOnKey
        self.playBeep = playBeep
        self.transcribe = transcribe
        self.recordingStatusCallback = recordingStatusCallback
    }

    public var element: TwiMLElement {
        var element = TwiMLElement(name: "Record")
        element.set("action", action)
        element.set("method", method)
        element.set("timeout", timeout)
        element.set("maxLength", maxLength)
        element.set("finishOnKey", finishOnKey)
        element.set("playBeep", playBeep)
        element.set("transcribe", transcribe)
        element.set("recordingStatusCallback", recordingStatusCallback)
        return element
    }
}
