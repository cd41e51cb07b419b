/// The parameters of `POST /2010-04-01/Accounts/{AccountSid}/Calls.json`.
///
/// Twilio needs ``to``, ``from`` and one of ``url`` and ``twiml``; it answers 21201, 21213 or
/// 21205 otherwise. As with messages, the client sends what it is given and leaves the checks to
/// Twilio, so that Twilio's error reaches the caller.
///
/// The form fields go out in the order twilio-python 9.13.0 sends them, one
/// `StatusCallbackEvent` field per event.
public struct CreateCallRequest: Hashable, Sendable {
    /// The party to call: E.164, `client:name`, a SIP URI or `sim:DE…`.
    public var to: String
    /// The caller ID: a Twilio number or a verified caller ID of the account.
    public var from: String
    /// The absolute URL of the TwiML to run once the call connects.
    public var url: String?
    /// Inline TwiML, at most 4,000 characters; Twilio ignores it when ``url`` is set too.
    public var twiml: String?
    /// How Twilio requests ``url``: `GET` or `POST` (Twilio's default).
    public var method: String?
    /// Where Twilio posts the call's progress events.
    public var statusCallback: String?
    /// The events to post: `initiated`, `ringing`, `answered`, `completed`; Twilio sends only
    /// `completed` when none is given.
    public var statusCallbackEvents: [String]
    /// How Twilio requests ``statusCallback``: `GET` or `POST` (Twilio's default).
    public var statusCallbackMethod: String?
    /// How many seconds to let the call ring, up to 600; Twilio's default is 60.
    public var timeout: Int?
    /// Whether to record the call.
    public var record: Bool?
    /// Answering machine detection: `Enable` or `DetectMessageEnd`.
    public var machineDetection: String?

    /// Creates the parameters of a call.
    ///
    /// - Parameters:
    ///   - to: The party to call.
    ///   - from: The caller ID.
    ///   - url: The TwiML URL, if any.
    ///   - twiml: Inline TwiML, if any.
    ///   - method: How to request `url`, if not Twilio's default.
    ///   - statusCallback: The status callback URL, if any.
    ///   - statusCallbackEvents: The events to post to it.
    ///   - statusCallbackMethod: How to request `statusCallback`, if not Twilio's default.
    ///   - timeout: The ring time in seconds, if not Twilio's default.
    ///   - record: Whether to record, if given.
    ///   - machineDetection: The answering machine detection mode, if any.
    public init(
        to: String,
        from: String,
        url: String? = nil,
        twiml: String? = nil,
        method: String? = nil,
        statusCallback: String? = nil,
        statusCallbackEvents: [String] = [],
        statusCallbackMethod: String? = nil,
        timeout: Int? = nil,
        record: Bool? = nil,
        machineDetection: String? = nil
    ) {
        self.to = to
        self.from = from
        self.url = url
        self.twiml = twiml
        self.method = method
        self.statusCallback = statusCallback
        self.statusCallbackEvents = statusCallbackEvents
        self.statusCallbackMethod = statusCallbackMethod
        self.timeout = timeout
        self.record = record
        self.machineDetection = machineDetection
    }

    /// The form fields, in twilio-python's order; parameters that are `nil` are left out.
    var formFields: [FormField] {
        var fields = [FormField("To", to), FormField("From", from)]
        fields.append(optional: "Method", method)
        fields.append(optional: "StatusCallback", statusCallback)
        fields += statusCallbackEvents.map { FormField("StatusCallbackEvent", $0) }
        fields.append(optional: "StatusCallbackMethod", statusCallbackMethod)
        fields.append(optional: "Timeout", timeout.map { String($0) })
        fields.append(optional: "Record", record.map { $0 ? "true" : "false" })
        fields.append(optional: "MachineDetection", machineDetection)
        fields.append(optional: "Url", url)
        fields.append(optional: "Twiml", twiml)
        return fields
    }
}
