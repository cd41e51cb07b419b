/// `<Number>`: a phone number for `<Dial>` to call.
public struct Number: DialNoun, Hashable {
    /// A call progress event reported to ``statusCallback``.
    public enum Event: String, Hashable, Sendable {
        /// Dialling started.
        case initiated
        /// The party's phone is ringing.
        case ringing
        /// The party answered.
        case answered
        /// The call ended.
        case completed
    }

    /// The number to call, in E.164.
    public var phoneNumber: String
    /// DTMF tones to send once answered, `w` for a half-second pause (`sendDigits`).
    public var sendDigits: String?
    /// TwiML to run for the called party before connecting, the "whisper" (`url`).
    public var url: String?
    /// How to request ``url`` (`method`).
    public var method: TwiMLMethod?
    /// Where Twilio reports this leg's progress (`statusCallback`).
    public var statusCallback: String?
    /// Which events to report, written space-separated (`statusCallbackEvent`).
    public var statusCallbackEvents: [Event]
    /// How to request ``statusCallback`` (`statusCallbackMethod`).
    public var statusCallbackMethod: TwiMLMethod?

    /// Creates the noun.
    ///
    /// - Parameters:
    ///   - phoneNumber: The number to call.
    ///   - sendDigits: DTMF tones to send once answered.
    ///   - url: TwiML to run for the called party first.
    ///   - method: How to request `url`.
    ///   - statusCallback: Where to report this leg's progress.
    ///   - statusCallbackEvents: Which events to report.
    ///   - statusCallbackMethod: How to request `statusCallback`.
    public init(
        _ phoneNumber: String,
        sendDigits: String? = nil,
        url: String? = nil,
        method: TwiMLMethod? = nil,
        statusCallback: String? = nil,
        statusCallbackEvents: [Event] = [],
        statusCallbackMethod: TwiMLMethod? = nil
    ) {
        self.phoneNumber = phoneNumber
        self.sendDigits = sendDigits
        self.url = url
        self.method = method
        self.statusCallback = statusCallback
        self.statusCallbackEvents = statusCallbackEvents
        self.statusCallbackMethod = statusCallbackMethod
    }

    public var element: TwiMLElement {
        var element = TwiMLElement(name: "Number", text: phoneNumber)
        element.set("sendDigits", sendDigits)
        element.set("url", url)
        element.set("method", method)
        element.set("statusCallback", statusCallback)
        if !statusCallbackEvents.isEmpty {
            element.set("statusCallbackEvent", statusCallbackEvents.map(\.rawValue).joined(separator: " "))
        }
        element.set("statusCallbackMethod", statusCallbackMethod)
        return element
    }
}
