internal import HTTPServer
internal import ServiceSupport

/// A `POST …/Messages.json` request that passed every check, ready to become a message.
///
/// ``init(form:account:path:)`` runs Twilio's checks in Twilio's order:
/// 1. `To` missing → 21604; neither `From` nor `MessagingServiceSid` → 21603;
///    no `Body`, `MediaUrl` or `ContentSid` → 21602.
/// 2. `To` not E.164 (bare or `whatsapp:`/`messenger:`/`rcs:`) → 21211; `From` not a number,
///    short code or alphanumeric sender ID → 21212.
/// 3. `MessagingServiceSid` malformed or not one of the account's services → 404/20404 naming
///    the request path. Whether live Twilio answers 20404 or another 21xxx code here is
///    unconfirmed; 20404 is what it does for other SIDs that name nothing.
/// 4. `Body` longer than 1,600 characters (Unicode scalars) → 21617.
/// 5. `ContentSid` not `HX` and 32 hex digits → 21655; `ContentVariables` not a JSON object →
///    21656; `ValidityPeriod` not a whole number from 1 to 36000 → 90007. With a Messaging
///    Service, `ScheduleType` other than `fixed` or without `SendAt` → 35111, and `SendAt` not
///    RFC 3339 or not 15 minutes to 35 days ahead → 35114. Without a Messaging Service, Twilio
///    drops `ScheduleType` and `SendAt` and sends at once; so does the sandbox.
/// 6. Twilio's test-credential magic numbers: `From` +15005550001 → 21212, +15005550007 → 21606,
///    +15005550008 → 429/21611; `To` +15005550001 → 21211, +15005550002 → 21612,
///    +15005550003 → 21408, +15005550004 → 21610, +15005550009 → 21614.
/// 7. A `From` the account does not own → 21606.
struct MessageDraft: Sendable {
    var to: String
    var from: String?
    var messagingService: SandboxMessagingService?
    var body: String
    var mediaURLs: [String]
    var statusCallback: String?
    var validityPeriod: Int?
    var sendAt: Double?
    var contentSID: String?
    var contentVariables: String?

    /// Checks a create request.
    ///
    /// - Parameters:
    ///   - form: The request's form fields.
    ///   - account: The authenticated account.
    ///   - path: The request path, for 20404 answers.
    ///   - now: The wall-clock time, for the `SendAt` window.
    init(form: HTTPForm, account: SandboxAccount, path: String, now: Double) throws(TwilioError) {
        let to = form["To"] ?? ""
        let from = Self.nonEmpty(form["From"])
        let serviceSID = Self.nonEmpty(form["MessagingServiceSid"])
        let body = form["Body"] ?? ""
        let mediaURLs = form.values(for: "MediaUrl").filter { !$0.isEmpty }
        guard !to.isEmpty else {
            throw .toRequired
        }
        guard from != nil || serviceSID != nil else {
            throw .fromRequired
        }
        guard !body.isEmpty || !mediaURLs.isEmpty || Self.nonEmpty(form["ContentSid"]) != nil else {
            throw .bodyRequired
        }

        guard PhoneNumberFormat.isValidRecipient(to) else {
            throw .invalidTo(to)
        }
        if let from, !PhoneNumberFormat.isValidSender(from) {
            throw .invalidFrom(from)
        }
        var service: SandboxMessagingService?
        if let serviceSID {
            guard SIDFormat.isValid(serviceSID, prefix: "MG") else {
                throw .notFound(path)
            }
            guard let known = account.messagingServices.first(where: { $0.sid == serviceSID }) else {
                throw .notFound(path)
            }
            service = known
        }
        guard body.unicodeScalars.count <= 1600 else {
            throw .bodyTooLong()
        }
        let content = try Self.content(form)
        let validityPeriod = try Self.validityPeriod(form)
        let sendAt = service == nil ? nil : try Self.sendAt(form, now: now)

        try Self.checkMagicNumbers(to: to, from: from, sender: from ?? serviceSID ?? "", viaMMS: !mediaURLs.isEmpty)
        if let from, !account.owns(from) {
            throw .notOwned(from)
        }
        self.to = to
        self.from = from
        self.messagingService = service
        self.body = body
        self.mediaURLs = mediaURLs
        self.statusCallback = Self.nonEmpty(form["StatusCallback"])
        self.validityPeriod = validityPeriod
        self.sendAt = sendAt
        self.contentSID = content.sid
        self.contentVariables = content.variables
    }

    private static func content(_ form: HTTPForm) throws(TwilioError) -> (sid: String?, variables: String?) {
        let sid = nonEmpty(form["ContentSid"])
        if let sid, !SIDFormat.isValid(sid, prefix: "HX") {
            throw .invalidContentSID(sid)
        }
        let variables = nonEmpty(form["ContentVariables"])
        if let variables, !ContentVariablesFormat.isJSONObject(variables) {
            throw .invalidContentVariables
        }
        return (sid, variables)
    }

    private static func validityPeriod(_ form: HTTPForm) throws(TwilioError) -> Int? {
        guard let text = form["ValidityPeriod"] else {
            return nil
        }
        guard let seconds = Int(text), (1...36000).contains(seconds) else {
            throw .invalidValidityPeriod
        }
        return seconds
    }

    private static func sendAt(_ form: HTTPForm, now: Double) throws(TwilioError) -> Double? {
        let type = nonEmpty(form["ScheduleType"])
        let text = nonEmpty(form["SendAt"])
        guard type != nil || text != nil else {
            return nil
        }
        guard type == "fixed", let text else {
            throw .invalidScheduleType
        }
        guard let when = Timestamp.seconds(fromRFC3339: text), when - now >= 15 * 60, when - now <= 35 * 86_400
        else {
            throw .invalidSendAt
        }
        return when
    }

    private static func checkMagicNumbers(to: String, from: String?, sender: String, viaMMS: Bool) throws(TwilioError) {
        if let from {
            switch PhoneNumberFormat.address(of: from) {
            case "+15005550001": throw .invalidFrom(from)
            case "+15005550007": throw .notOwned(from)
            case "+15005550008": throw .queueFull
            default: break
            }
        }
        switch PhoneNumberFormat.address(of: to) {
        case "+15005550001": throw .invalidTo(to)
        case "+15005550002": throw .unreachable(to: to, from: sender, viaMMS: viaMMS)
        case "+15005550003": throw .regionNotEnabled(to)
        case "+15005550004": throw .unsubscribed
        case "+15005550009": throw .notMobile(to)
        default: break
        }
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else {
            return nil
        }
        return value
    }
}
