/// What an event in the log reports, such as ``smsInbound``; a dotted lower-case name.
///
/// Types are open: a webhook the gateway learns to accept later brings a new name, and a log
/// written by a newer gateway may hold names this one does not know.
public struct EventType: RawRepresentable, Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The name, such as `sms.inbound`.
    public var rawValue: String

    /// Creates a type from its name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a type from a string literal, such as `"sms.inbound"`.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// An inbound message to one of the account's numbers (`/webhooks/twilio/sms`).
    public static let smsInbound: EventType = "sms.inbound"
    /// A message status callback: `MessageStatus` moved.
    public static let messageStatus: EventType = "message.status"
    /// An inbound call to one of the account's numbers (`/webhooks/twilio/voice`).
    public static let callInbound: EventType = "call.inbound"
    /// A call status callback: `CallStatus` moved.
    public static let callStatus: EventType = "call.status"
    /// A Verify event.
    public static let verifyStatus: EventType = "verify.status"
    /// A number opted out, by an opt-out keyword or a 21610 answer from Twilio.
    public static let optOut: EventType = "optout"
    /// A number opted back in with an opt-in keyword.
    public static let optIn: EventType = "optin"

    /// The name.
    public var description: String {
        rawValue
    }

    /// Orders types by name.
    public static func < (lhs: EventType, rhs: EventType) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
