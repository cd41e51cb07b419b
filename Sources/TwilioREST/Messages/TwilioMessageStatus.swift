/// A Message's `status`, such as `queued` or `delivered`.
///
/// A struct rather than an enum so that a status Twilio adds later still decodes: any text is
/// accepted, and the known values are offered as constants.
public struct TwilioMessageStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The status as Twilio spells it.
    public var rawValue: String

    /// Creates a status from Twilio's spelling.
    ///
    /// - Parameter rawValue: The status text, such as `sent`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Received through a Messaging Service; no sender chosen yet.
    public static let accepted = TwilioMessageStatus(rawValue: "accepted")
    /// Waiting for its `SendAt` time.
    public static let scheduled = TwilioMessageStatus(rawValue: "scheduled")
    /// Waiting to be sent.
    public static let queued = TwilioMessageStatus(rawValue: "queued")
    /// Being handed to the carrier.
    public static let sending = TwilioMessageStatus(rawValue: "sending")
    /// Accepted by the carrier.
    public static let sent = TwilioMessageStatus(rawValue: "sent")
    /// The carrier confirmed delivery.
    public static let delivered = TwilioMessageStatus(rawValue: "delivered")
    /// The carrier reported that the message was not delivered; `error_code` says why.
    public static let undelivered = TwilioMessageStatus(rawValue: "undelivered")
    /// The message was never sent.
    public static let failed = TwilioMessageStatus(rawValue: "failed")
    /// The recipient read the message (WhatsApp).
    public static let read = TwilioMessageStatus(rawValue: "read")
    /// A scheduled message was canceled.
    public static let canceled = TwilioMessageStatus(rawValue: "canceled")
    /// Listed by Twilio without documented meaning.
    public static let partiallyDelivered = TwilioMessageStatus(rawValue: "partially_delivered")
    /// An inbound message is arriving.
    public static let receiving = TwilioMessageStatus(rawValue: "receiving")
    /// An inbound message has arrived.
    public static let received = TwilioMessageStatus(rawValue: "received")

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String {
        rawValue
    }
}
