/// The parameters of `POST /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json`: a new status,
/// or new TwiML for the call to run.
///
/// `Status=canceled` ends a call that is `queued` or `ringing`; `Status=completed` hangs up a call
/// in any state. ``url`` or ``twiml`` redirect a call in progress. The form fields go out in the
/// order twilio-python 9.13.0 sends them.
public struct CallUpdate: Hashable, Sendable {
    /// The absolute URL of the TwiML the call runs from now on.
    public var url: String?
    /// How Twilio requests ``url``: `GET` or `POST` (Twilio's default).
    public var method: String?
    /// The new status: ``TwilioCallStatus/canceled`` or ``TwilioCallStatus/completed``.
    public var status: TwilioCallStatus?
    /// Inline TwiML the call runs from now on, at most 4,000 characters.
    public var twiml: String?

    /// Creates an update.
    ///
    /// - Parameters:
    ///   - url: The new TwiML URL, if any.
    ///   - method: How to request `url`, if not Twilio's default.
    ///   - status: The new status, if any.
    ///   - twiml: The new inline TwiML, if any.
    public init(url: String? = nil, method: String? = nil, status: TwilioCallStatus? = nil, twiml: String? = nil) {
        self.url = url
        self.method = method
        self.status = status
        self.twiml = twiml
    }

    /// The form fields, in twilio-python's order; parameters that are `nil` are left out.
    var formFields: [FormField] {
        var fields: [FormField] = []
        fields.append(optional: "Url", url)
        fields.append(optional: "Method", method)
        fields.append(optional: "Status", status?.rawValue)
        fields.append(optional: "Twiml", twiml)
        return fields
    }
}
