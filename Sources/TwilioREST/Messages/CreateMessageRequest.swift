/// The parameters of `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`.
///
/// Twilio needs ``to``, at least one of ``from`` and ``messagingServiceSID``, and at least one of
/// ``body``, ``mediaURLs`` and ``contentSID``; it answers 21604, 21603 or 21602 otherwise. The
/// client sends what it is given and leaves these checks to Twilio, so that Twilio's error
/// reaches the caller.
public struct CreateMessageRequest: Hashable, Sendable {
    /// The recipient, in E.164 (`+14155550100`) or as a channel address (`whatsapp:+14155550100`).
    public var to: String
    /// The sender: a Twilio number, short code, alphanumeric sender ID or channel address.
    public var from: String?
    /// The Messaging Service (`MG…`) whose sender pool picks the sender.
    public var messagingServiceSID: String?
    /// The text, up to 1,600 characters.
    public var body: String?
    /// Media for an MMS, up to 10 public URLs; sent as one `MediaUrl` field each.
    public var mediaURLs: [String]
    /// Where Twilio posts status changes of this message.
    public var statusCallback: String?
    /// Seconds the message may wait in Twilio's queue, 1 to 36000 (`ValidityPeriod`).
    public var validityPeriod: Int?
    /// `fixed` to schedule the message for ``sendAt`` (`ScheduleType`).
    public var scheduleType: String?
    /// When a scheduled message is sent, as `YYYY-MM-DDTHH:MM:SSZ` (`SendAt`).
    public var sendAt: String?
    /// A Content template (`HX…`) to send (`ContentSid`).
    public var contentSID: String?
    /// The template's placeholder values as a JSON object text (`ContentVariables`).
    public var contentVariables: String?

    /// Creates the parameters of a message.
    ///
    /// - Parameters:
    ///   - to: The recipient.
    ///   - from: The sender, or `nil` to let the Messaging Service choose.
    ///   - messagingServiceSID: The Messaging Service, if any.
    ///   - body: The text, if any.
    ///   - mediaURLs: Media URLs, if any.
    ///   - statusCallback: The status callback URL, if any.
    ///   - validityPeriod: The validity period in seconds, if any.
    ///   - scheduleType: `fixed` for a scheduled message.
    ///   - sendAt: When a scheduled message is sent.
    ///   - contentSID: A Content template, if any.
    ///   - contentVariables: The template's values as JSON, if any.
    public init(
        to: String,
        from: String? = nil,
        messagingServiceSID: String? = nil,
        body: String? = nil,
        mediaURLs: [String] = [],
        statusCallback: String? = nil,
        validityPeriod: Int? = nil,
        scheduleType: String? = nil,
        sendAt: String? = nil,
        contentSID: String? = nil,
        contentVariables: String? = nil
    ) {
        self.to = to
        self.from = from
        self.messagingServiceSID = messagingServiceSID
        self.body = body
        self.mediaURLs = mediaURLs
        self.statusCallback = statusCallback
        self.validityPeriod = validityPeriod
        self.scheduleType = scheduleType
        self.sendAt = sendAt
        self.contentSID = contentSID
        self.contentVariables = contentVariables
    }

    /// The form fields Twilio expects, with PascalCase names, in the order the official `twilio`
    /// Python library sends them; parameters that are `nil` are left out.
    public var formFields: [FormField] {
        var fields = [FormField("To", to)]
        let optional: [(String, String?)] = [
            ("StatusCallback", statusCallback),
            ("ValidityPeriod", validityPeriod.map(String.init)),
            ("ScheduleType", scheduleType),
            ("SendAt", sendAt),
            ("ContentVariables", contentVariables),
            ("From", from),
            ("MessagingServiceSid", messagingServiceSID),
            ("Body", body),
        ]
        for case (let name, let value?) in optional {
            fields.append(FormField(name, value))
        }
        fields += mediaURLs.map { FormField("MediaUrl", $0) }
        if let contentSID {
            fields.append(FormField("ContentSid", contentSID))
        }
        return fields
    }
}
