/// Why a number is opted out: the keyword it sent, or Twilio's refusal to send to it.
public struct OptOutReason: Hashable, Sendable, CustomStringConvertible {
    /// The stored form, such as `keyword:STOP` or `twilio:21610`.
    public let rawValue: String

    init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The person sent an opt-out keyword, such as `STOP` (upper case, as
    /// ``OptOutKeywords/classify(_:)`` returns it).
    public static func keyword(_ keyword: String) -> OptOutReason {
        OptOutReason(rawValue: "keyword:" + keyword)
    }

    /// Twilio refused a send with error 21610: the recipient had replied STOP to the sender,
    /// possibly before the gateway was watching.
    public static let twilioError21610 = OptOutReason(rawValue: "twilio:21610")

    /// The stored form.
    public var description: String {
        rawValue
    }
}
