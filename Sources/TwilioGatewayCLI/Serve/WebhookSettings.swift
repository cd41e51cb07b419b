internal import Foundation
internal import WebhookIntake

/// The webhook settings of `serve`: the public URL Twilio sees, how long inbound calls and
/// messages wait for a consumer, and the default TwiML of calls.
struct WebhookSettings {
    /// `GATEWAY_PUBLIC_URL`: `nil` until given; a sandbox-mode gateway then uses its own HTTP
    /// address.
    var publicURL: WebhookBaseURL?
    var voiceAnswerWindow = Duration.seconds(5)
    var smsAnswerWindow = Duration.seconds(5)
    var voiceAnswers = VoiceAnswers.standard

    static let optionNames: Set<String> = [
        "public-url", "voice-answer-window", "sms-answer-window", "voice-twiml-file",
    ]

    static let help = """
        Webhooks (Twilio calls POST /webhooks/twilio/sms, /voice, /status and /verify on the HTTP port):
          --public-url URL             The gateway's URL as Twilio sees it, behind any proxy, such as
                                       https://gw.example.com/prefix [GATEWAY_PUBLIC_URL]; signatures
                                       are checked against it (sandbox default http://HTTP-ADDR)
          --voice-answer-window SECS   How long an inbound call waits for a consumer's TwiML, up to 14
                                       [GATEWAY_VOICE_ANSWER_WINDOW] (default 5)
          --sms-answer-window SECS     The same for inbound messages [GATEWAY_SMS_ANSWER_WINDOW] (default 5)
          --voice-twiml-file PATH      JSON {"default": TWIML, "numbers": {"+1...": TWIML}}: what calls
                                       nobody answers get, per called number [GATEWAY_VOICE_TWIML_FILE]
          GATEWAY_VOICE_DEFAULT_TWIML  The TwiML for every number without its own (environment only)
        """

    /// The defaults: no public URL, 5-second windows, the built-in TwiML.
    init() {}

    /// Reads the settings.
    ///
    /// - Throws: ``CommandArguments/ParseError`` naming the setting that is wrong.
    init(arguments: inout CommandArguments, environment: Environment) throws {
        if let text = arguments.value("public-url") ?? environment["GATEWAY_PUBLIC_URL"] {
            publicURL = try Self.parse { () throws(WebhookConfigurationError) in try WebhookBaseURL(text) }
        }
        if let given = arguments.setting(
            "voice-answer-window",
            variable: "GATEWAY_VOICE_ANSWER_WINDOW",
            in: environment
        ) {
            voiceAnswerWindow = try Self.window(given)
        }
        if let given = arguments.setting("sms-answer-window", variable: "GATEWAY_SMS_ANSWER_WINDOW", in: environment) {
            smsAnswerWindow = try Self.window(given)
        }
        let file = arguments.value("voice-twiml-file") ?? environment["GATEWAY_VOICE_TWIML_FILE"]
        voiceAnswers = try Self.voiceAnswers(default: environment["GATEWAY_VOICE_DEFAULT_TWIML"], file: file)
    }

    private static func window(_ given: SettingText) throws -> Duration {
        guard let seconds = Double(given.text), seconds > 0, seconds <= 14 else {
            throw CommandArguments.ParseError(
                description:
                    "\(given.source) needs a number of seconds above 0 and at most 14, inside Twilio's 15-second timeout"
            )
        }
        return .milliseconds(Int64(seconds * 1000))
    }

    /// The answers from `GATEWAY_VOICE_DEFAULT_TWIML` and the JSON file; a default given in
    /// both places is refused, so that nobody wonders which one wins.
    private static func voiceAnswers(default defaultTwiML: String?, file: String?) throws -> VoiceAnswers {
        var fileDefault: String?
        var numbers: [String: String] = [:]
        if let file {
            (fileDefault, numbers) = try readTwiMLFile(file)
        }
        if defaultTwiML != nil, fileDefault != nil {
            throw CommandArguments.ParseError(
                description:
                    "the default voice TwiML is set both in GATEWAY_VOICE_DEFAULT_TWIML and in \(file ?? ""); keep one"
            )
        }
        let chosen = defaultTwiML ?? fileDefault ?? VoiceAnswers.builtInTwiML
        return try parse { () throws(WebhookConfigurationError) in
            try VoiceAnswers(defaultTwiML: chosen, twimlByNumber: numbers)
        }
    }

    private static func readTwiMLFile(_ path: String) throws -> (String?, [String: String]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandArguments.ParseError(description: "cannot read the voice TwiML file \(path)")
        }
        let shapeError = CommandArguments.ParseError(
            description: #"the voice TwiML file \#(path) must be a JSON object such as "#
                + #"{"default": "<Response>…</Response>", "numbers": {"+15005550006": "<Response>…</Response>"}}"#
        )
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            Set(object.keys).isSubset(of: ["default", "numbers"])
        else {
            throw shapeError
        }
        let defaultTwiML = object["default"]
        guard defaultTwiML == nil || defaultTwiML is String else {
            throw shapeError
        }
        var numbers: [String: String] = [:]
        if let entries = object["numbers"] {
            guard let map = entries as? [String: Any] else {
                throw shapeError
            }
            for (number, twiml) in map {
                guard let twiml = twiml as? String else {
                    throw shapeError
                }
                numbers[number] = twiml
            }
        }
        return (defaultTwiML as? String, numbers)
    }

    private static func parse<Value>(_ make: () throws(WebhookConfigurationError) -> Value) throws -> Value {
        do {
            return try make()
        } catch {
            throw CommandArguments.ParseError(description: error.message)
        }
    }
}
