/// Something Twilio told the gateway, as the event log stores it: a type, the time it arrived,
/// Twilio's identifiers as typed fields, and every raw parameter.
///
/// The typed fields are what the log filters on; the parameters are the whole truth and are
/// handed to consumers untouched. ``init(type:receivedAt:dedupeKey:webhookParameters:)`` fills
/// the typed fields from Twilio's parameter names.
public struct GatewayEvent: Hashable, Sendable {
    /// What the event reports.
    public var type: EventType
    /// When the gateway received the webhook, in seconds since 1970.
    public var receivedAt: Double
    /// `MessageSid` (`SM…`, `MM…`), when the event is about a message.
    public var messageSID: String?
    /// `CallSid` (`CA…`), when the event is about a call.
    public var callSID: String?
    /// `AccountSid` (`AC…`).
    public var accountSID: String?
    /// `From`: the sender of a message or the caller.
    public var from: String?
    /// `To`: the recipient of a message or the called number.
    public var to: String?
    /// The status the event reports (`MessageStatus`, `CallStatus`, a Verify status).
    public var status: String?
    /// Twilio's `I-Twilio-Idempotency-Token`: an append with a key the log already holds
    /// stores nothing and answers with the first event's offset. `nil` (or empty) for none.
    public var dedupeKey: String?
    /// Every parameter of the webhook, in the order received; names may repeat.
    public var parameters: [EventParameter]

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - type: What the event reports.
    ///   - receivedAt: When the webhook arrived, in seconds since 1970.
    ///   - messageSID: `MessageSid`.
    ///   - callSID: `CallSid`.
    ///   - accountSID: `AccountSid`.
    ///   - from: `From`.
    ///   - to: `To`.
    ///   - status: The reported status.
    ///   - dedupeKey: Twilio's `I-Twilio-Idempotency-Token`, if the request had one.
    ///   - parameters: Every raw parameter, in order.
    public init(
        type: EventType,
        receivedAt: Double,
        messageSID: String? = nil,
        callSID: String? = nil,
        accountSID: String? = nil,
        from: String? = nil,
        to: String? = nil,
        status: String? = nil,
        dedupeKey: String? = nil,
        parameters: [EventParameter] = []
    ) {
        self.type = type
        self.receivedAt = receivedAt
        self.messageSID = messageSID
        self.callSID = callSID
        self.accountSID = accountSID
        self.from = from
        self.to = to
        self.status = status
        self.dedupeKey = dedupeKey
        self.parameters = parameters
    }
}
