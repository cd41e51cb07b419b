/// The TwiML an inbound call gets when no consumer answers it in time: one document for every
/// number, and overrides for some numbers (keyed by the called number, the webhook's `To`).
///
/// Every document is checked when the answers are made, so a typo fails at start rather than
/// on the first call: it must be a `<Response>` document (an XML declaration first is allowed)
/// of at most 64 KiB. The check is a shape check, not a full XML parse.
public struct VoiceAnswers: Hashable, Sendable {
    /// The built-in default: a short spoken apology, then the call ends.
    public static let builtInTwiML =
        #"<?xml version="1.0" encoding="UTF-8"?><Response><Say>Sorry, nobody can take this call right now. "#
        + #"Goodbye.</Say><Hangup/></Response>"#

    /// The most bytes one document may have.
    public static let maxTwiMLBytes = 64 << 10

    /// The document for numbers without an override.
    public let defaultTwiML: String
    /// The overrides, by called number (such as `+15005550006`).
    public let twimlByNumber: [String: String]

    /// Checks and keeps the documents.
    ///
    /// - Parameters:
    ///   - defaultTwiML: The document for every number without an override.
    ///   - twimlByNumber: Overrides by called number; keys must not be empty or hold spaces.
    /// - Throws: ``WebhookConfigurationError`` naming the document or number that is wrong.
    public init(defaultTwiML: String = builtInTwiML, twimlByNumber: [String: String] = [:])
        throws(WebhookConfigurationError)
    {
        try Self.check(defaultTwiML, what: "the default voice TwiML")
        for (number, twiml) in twimlByNumber.sorted(by: { $0.key < $1.key }) {
            guard !number.isEmpty, !number.contains(where: { $0.isWhitespace }) else {
                throw WebhookConfigurationError(
                    "the voice TwiML number \"\(number)\" must be a called number such as +15005550006"
                )
            }
            try Self.check(twiml, what: "the voice TwiML for \(number)")
        }
        self.defaultTwiML = defaultTwiML
        self.twimlByNumber = twimlByNumber
    }

    /// The document for a call to `number`: its override, or the default.
    public func twiml(forCalled number: String?) -> String {
        number.flatMap { twimlByNumber[$0] } ?? defaultTwiML
    }

    /// The built-in default for every number.
    public static let standard = VoiceAnswers(checked: builtInTwiML)

    private init(checked twiml: String) {
        defaultTwiML = twiml
        twimlByNumber = [:]
    }

    private static func check(_ twiml: String, what: String) throws(WebhookConfigurationError) {
        guard twiml.utf8.count <= maxTwiMLBytes else {
            throw WebhookConfigurationError("\(what) has \(twiml.utf8.count) bytes; at most \(maxTwiMLBytes) fit")
        }
        guard TwiMLShape.isResponseDocument(twiml) else {
            throw WebhookConfigurationError(
                "\(what) must be a TwiML document: <Response>…</Response>, optionally after an XML declaration"
            )
        }
    }
}
