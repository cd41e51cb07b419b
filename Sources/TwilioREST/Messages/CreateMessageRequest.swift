/// The parameters of `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`.
///
/// Twilio needs ``to``, at least one of ``from`` and ``messagingServiceSID``, and at least one of
/// ``body`` and ``mediaURLs``; it answers 21604, 21603 or 21602 otherwise. The client sends what
/// it is given and leaves these checks to Twilio, so that Twilio's error reaches the caller.
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

    /// Creates the parameters of a message.
    ///
    /// - Parameters:
    ///   - to: The recipient.
    ///   - from: The sender, or `nil` to let the Messaging Service choose.
    ///   - messagingServiceSID: The Messaging Service, if any.
    ///   - body: The text, if any.
    ///   - mediaURLs: Media URLs, if any.
    ///   - statusCallback: The status callback URL, if any.
    public init(
        to: String,
        from: String? = nil,
        messagingServiceSID: String? = nil,
        body: String? = nil,
        mediaURLs: [String] = [],
        statusCallback: String? = nil
    ) {
        self.to = to
        self.from = from
        self.messagingServiceSID = messagingServiceSID
        self.body = body
        self.mediaURLs = mediaURLs
        self.statusCallback = statusCallback
    }

    /// The form fields Twilio expects, with PascalCase names; parameters that are `nil` are left out.
    var formFields: [FormField] {
        var fields = [FormField("To", to)]
        if let from {
            fields.append(FormField("From", from))
        }
        if let messagingServiceSID {
            fields.append(FormField("MessagingServiceSid", messagingServiceSID))
        }
        if let body {
            fields.append(FormField("Body", body))
        }
        fields += mediaURLs.map { FormField("MediaUrl", $0) }
        if let statusCallback {
            fields.append(FormField("StatusCallback", statusCallback))
        }
        return fields
    }
}
