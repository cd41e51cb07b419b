internal import HTTPServer

/// A `POST …/Calls.json` request that passed every check, ready to become a call.
///
/// ``init(form:account:)`` runs the checks in this order:
/// 1. `To` missing → 21201; `From` missing → 21213; none of `Url`, `Twiml`, `ApplicationSid`
///    → 21205; only `ApplicationSid` → 21218 (the sandbox has no TwiML applications).
/// 2. `Url` not an absolute http(s) URL → 21205; `Twiml` (used only without `Url`, as Twilio
///    ignores it then) over 4,000 characters → 21205.
/// 3. `Method` or `StatusCallbackMethod` other than GET/POST → 21209; `Timeout` not 1...600 → 21208.
/// 4. `To` not E.164, `client:` or `sip:` → 21217; `From` not E.164 or `client:` → 21212.
/// 5. The test-credential magic numbers of twilio-api.md §8.2: `From` +15005550001 → 21212;
///    `To` +15005550001 → 21217, +15005550002 → 21214, +15005550003 → 21215, +15005550004 → 21216.
/// 6. A `From` the account does not own → 21210.
///
/// Unknown `StatusCallbackEvent` values are dropped, as is a `MachineDetection` that is neither
/// `Enable` nor `DetectMessageEnd`; what live Twilio answers for those is unconfirmed.
struct CallDraft: Sendable {
    static let events: Set<String> = ["initiated", "ringing", "answered", "completed"]

    var to: String
    var from: String
    var url: String?
    var method: String
    var twiml: String?
    var statusCallback: String?
    var statusCallbackMethod: String
    var statusCallbackEvents: [String]
    var timeout: Int
    var record: Bool
    var machineDetection: String?

    init(form: HTTPForm, account: SandboxAccount) throws(TwilioError) {
        guard let to = Self.nonEmpty(form["To"]) else {
            throw .callToRequired
        }
        guard let from = Self.nonEmpty(form["From"]) else {
            throw .callFromRequired
        }
        let url = Self.nonEmpty(form["Url"])
        let twiml = url == nil ? Self.nonEmpty(form["Twiml"]) : nil
        guard url != nil || twiml != nil else {
            throw Self.nonEmpty(form["ApplicationSid"]) == nil ? .instructionsRequired : .applicationUnknown
        }

        try Self.checkInstructions(url: url, twiml: twiml)
        self.method = try Self.method(form, "Method")
        self.statusCallbackMethod = try Self.method(form, "StatusCallbackMethod")
        self.timeout = try Self.timeout(form)
        try Self.checkNumbers(to: to, from: from, account: account)

        self.to = to
        self.from = from
        self.url = url
        self.twiml = twiml
        self.statusCallback = Self.nonEmpty(form["StatusCallback"])
        let events = form.values(for: "StatusCallbackEvent").filter(Self.events.contains)
        self.statusCallbackEvents = events.isEmpty ? ["completed"] : events
        self.record = form["Record"]?.lowercased() == "true"
        self.machineDetection = form["MachineDetection"].flatMap {
            ["Enable", "DetectMessageEnd"].contains($0) ? $0 : nil
        }
    }

    /// Checks a new TwiML URL or inline TwiML, as given to a create or an update.
    static func checkInstructions(url: String?, twiml: String?) throws(TwilioError) {
        if let url, OutboundURL(url) == nil {
            throw .invalidURL(url)
        }
        if let twiml, twiml.unicodeScalars.count > 4000 {
            throw .twimlTooLong(twiml.unicodeScalars.count)
        }
    }

    /// The value of a method parameter, `POST` when absent.
    static func method(_ form: HTTPForm, _ name: String) throws(TwilioError) -> String {
        guard let value = nonEmpty(form[name]) else {
            return "POST"
        }
        let method = value.uppercased()
        guard method == "GET" || method == "POST" else {
            throw .invalidMethod(name, value)
        }
        return method
    }

    static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else {
            return nil
        }
        return value
    }

    private static func timeout(_ form: HTTPForm) throws(TwilioError) -> Int {
        guard let text = nonEmpty(form["Timeout"]) else {
            return 60
        }
        guard let seconds = Int(text), (1...600).contains(seconds) else {
            throw .invalidTimeout(text)
        }
        return seconds
    }

    private static func checkNumbers(to: String, from: String, account: SandboxAccount) throws(TwilioError) {
        guard PhoneNumberFormat.isE164(to) || to.hasPrefix("client:") || to.hasPrefix("sip:") else {
            throw .invalidCallTo(to)
        }
        guard PhoneNumberFormat.isE164(from) || from.hasPrefix("client:") else {
            throw .invalidFrom(from)
        }
        if from == "+15005550001" {
            throw .invalidFrom(from)
        }
        switch to {
        case "+15005550001": throw .invalidCallTo(to)
        case "+15005550002": throw .callToUnreachable(to)
        case "+15005550003": throw .callGeoPermission(to)
        case "+15005550004": throw .callBlocked(to)
        default: break
        }
        guard from.hasPrefix("client:") || account.owns(from) else {
            throw .callFromNotVerified(from)
        }
    }
}
