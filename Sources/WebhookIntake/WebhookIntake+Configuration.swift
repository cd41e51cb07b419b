public import GatewayStore

extension WebhookIntake {
    /// The settings of a ``WebhookIntake``: where Twilio sees the gateway, the limits, and how
    /// long Twilio's requests are held for a consumer's answer.
    public struct Configuration: Sendable {
        /// The longest an answer window may be: Twilio gives up on a webhook after 15 seconds.
        public static let maxAnswerWindow = Duration.seconds(14)

        /// The public base URL (`GATEWAY_PUBLIC_URL`), asked for on every request; `nil` while
        /// it is unknown (a sandbox-mode gateway learns its port only once it listens). Without
        /// one, every webhook is answered 503 and logged, since no signature can be checked.
        public var publicBaseURL: @Sendable () -> WebhookBaseURL?
        /// The largest body accepted, in bytes; 64 KiB by default, which Twilio's forms never
        /// come near. Larger bodies are answered 413.
        public var maxBodyBytes: Int
        /// The most bytes of header fields (names and values) accepted; 16 KiB by default.
        /// Larger heads are answered 431.
        public var maxHeaderBytes: Int
        /// How long an inbound call waits for a consumer's TwiML (`GATEWAY_VOICE_ANSWER_WINDOW`);
        /// 5 seconds by default, at most ``maxAnswerWindow``.
        public var voiceAnswerWindow: Duration
        /// How long an inbound message waits for a consumer's reply (`GATEWAY_SMS_ANSWER_WINDOW`);
        /// 5 seconds by default, at most ``maxAnswerWindow``.
        public var smsAnswerWindow: Duration
        /// The TwiML of calls no consumer answers.
        public var voiceAnswers: VoiceAnswers
        /// Whether someone could answer a webhook of this type now (`call.inbound` or
        /// `sms.inbound`): a subscriber that receives such events is connected. Only then does
        /// the webhook wait for an answer; otherwise it answers at once with the default.
        public var hasResponder: @Sendable (EventType) -> Bool
        /// The secret of a Webhooks shared key, by its id, for requests that carry
        /// `X-Twilio-Webhooks-Signature-Settings`; `nil` for an unknown key (answered 403).
        public var sharedKeySecret: @Sendable (String) async -> String?

        /// Creates settings; every argument but the base URL has the default described on its
        /// property. The windows are checked by ``validate()``.
        public init(
            publicBaseURL: @escaping @Sendable () -> WebhookBaseURL?,
            maxBodyBytes: Int = 64 << 10,
            maxHeaderBytes: Int = 16 << 10,
            voiceAnswerWindow: Duration = .seconds(5),
            smsAnswerWindow: Duration = .seconds(5),
            voiceAnswers: VoiceAnswers = .standard,
            hasResponder: @escaping @Sendable (EventType) -> Bool = { _ in false },
            sharedKeySecret: @escaping @Sendable (String) async -> String? = { _ in nil }
        ) {
            self.publicBaseURL = publicBaseURL
            self.maxBodyBytes = maxBodyBytes
            self.maxHeaderBytes = maxHeaderBytes
            self.voiceAnswerWindow = voiceAnswerWindow
            self.smsAnswerWindow = smsAnswerWindow
            self.voiceAnswers = voiceAnswers
            self.hasResponder = hasResponder
            self.sharedKeySecret = sharedKeySecret
        }

        /// Throws when a limit or a window is out of range.
        ///
        /// - Throws: ``WebhookConfigurationError`` naming the setting.
        public func validate() throws(WebhookConfigurationError) {
            for (name, window) in [("voice", voiceAnswerWindow), ("SMS", smsAnswerWindow)] {
                guard window > .zero, window <= Self.maxAnswerWindow else {
                    throw WebhookConfigurationError(
                        "the \(name) answer window \(window) must be more than 0 and at most 14 seconds, "
                            + "inside Twilio's 15-second webhook timeout"
                    )
                }
            }
            guard maxBodyBytes > 0, maxHeaderBytes > 0 else {
                throw WebhookConfigurationError("the webhook body and header limits must be positive")
            }
        }
    }
}
