/// A Call resource as Twilio returns it from create, fetch and update.
///
/// Decoding takes Twilio's snake_case JSON and ignores fields it does not know; every field but
/// ``sid`` may be missing or null. `duration`, `price` and `queue_time` stay strings, as Twilio
/// sends them. Dates stay in Twilio's RFC 2822 text.
public struct TwilioCall: Hashable, Sendable {
    /// The call SID, `CA…`.
    public var sid: String
    /// The account that owns the call, `AC…`.
    public var accountSID: String?
    /// The call that created this leg, for calls made by `<Dial>`.
    public var parentCallSID: String?
    /// The called party.
    public var to: String?
    /// The called party formatted for display, such as `(415) 555-0100`.
    public var toFormatted: String?
    /// The caller ID.
    public var from: String?
    /// The caller ID formatted for display.
    public var fromFormatted: String?
    /// The phone number or caller ID resource used, `PN…`.
    public var phoneNumberSID: String?
    /// Where the call is in its life, such as ``TwilioCallStatus/ringing``.
    public var status: TwilioCallStatus?
    /// When the call was answered, in RFC 2822; empty or `nil` before that.
    public var startTime: String?
    /// When the call ended, in RFC 2822; empty or `nil` before that.
    public var endTime: String?
    /// How long the call lasted, in seconds as text; empty for calls never answered.
    public var duration: String?
    /// The price, as text (`"-0.03000"`), once billed.
    public var price: String?
    /// The currency of ``price``, such as `USD`.
    public var priceUnit: String?
    /// `inbound`, `outbound-api`, `outbound-dial`, `trunking-terminating` or `trunking-originating`.
    public var direction: String?
    /// Who answered, with answering machine detection: `human`, `machine_start`, ...
    public var answeredBy: String?
    /// The API version, `2010-04-01`.
    public var apiVersion: String?
    /// The number an inbound call was forwarded from.
    public var forwardedFrom: String?
    /// The caller's name, with caller ID lookup.
    public var callerName: String?
    /// How long the call waited before being placed, in milliseconds as text.
    public var queueTime: String?
    /// When the call was created, in RFC 2822.
    public var dateCreated: String?
    /// When the call was last updated, in RFC 2822.
    public var dateUpdated: String?
    /// The resource's path, relative to the API base URL.
    public var uri: String?
    /// Paths of related resources, such as `recordings`.
    public var subresourceURIs: [String: String]?

    /// Creates a call; tests use this to build answers.
    ///
    /// - Parameters:
    ///   - sid: The call SID.
    ///   - accountSID: The owning account.
    ///   - parentCallSID: The parent call.
    ///   - to: The called party.
    ///   - toFormatted: The called party for display.
    ///   - from: The caller ID.
    ///   - fromFormatted: The caller ID for display.
    ///   - phoneNumberSID: The phone number resource used.
    ///   - status: The status.
    ///   - startTime: The answer time, RFC 2822.
    ///   - endTime: The end time, RFC 2822.
    ///   - duration: The duration in seconds, as text.
    ///   - price: The price, as text.
    ///   - priceUnit: The currency.
    ///   - direction: The direction.
    ///   - answeredBy: Who answered.
    ///   - apiVersion: The API version.
    ///   - forwardedFrom: The forwarding number.
    ///   - callerName: The caller's name.
    ///   - queueTime: The queue time in milliseconds, as text.
    ///   - dateCreated: The creation date, RFC 2822.
    ///   - dateUpdated: The update date, RFC 2822.
    ///   - uri: The resource's path.
    ///   - subresourceURIs: Paths of related resources.
    public init(
        sid: String,
        accountSID: String? = nil,
        parentCallSID: String? = nil,
        to: String? = nil,
        toFormatted: String? = nil,
        from: String? = nil,
        fromFormatted: String? = nil,
        phoneNumberSID: String? = nil,
        status: TwilioCallStatus? = nil,
        startTime: String? = nil,
        endTime: String? = nil,
        duration: String? = nil,
        price: String? = nil,
        priceUnit: String? = nil,
        direction: String? = nil,
        answeredBy: String? = nil,
        apiVersion: String? = nil,
        forwardedFrom: String? = nil,
        callerName: String? = nil,
        queueTime: String? = nil,
        dateCreated: String? = nil,
        dateUpdated: String? = nil,
        uri: String? = nil,
        subresourceURIs: [String: String]? = nil
    ) {
        self.sid = sid
        self.accountSID = accountSID
        self.parentCallSID = parentCallSID
        self.to = to
        self.toFormatted = toFormatted
        self.from = from
        self.fromFormatted = fromFormatted
        self.phoneNumberSID = phoneNumberSID
        self.status = status
        self.startTime = startTime
        self.endTime = endTime
        self.duration = duration
        self.price = price
        self.priceUnit = priceUnit
        self.direction = direction
        self.answeredBy = answeredBy
        self.apiVersion = apiVersion
        self.forwardedFrom = forwardedFrom
        self.callerName = callerName
        self.queueTime = queueTime
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
        self.uri = uri
        self.subresourceURIs = subresourceURIs
    }
}
