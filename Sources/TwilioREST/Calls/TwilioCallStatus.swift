/// A Call's `status`, such as `ringing` or `in-progress`.
///
/// A struct rather than an enum so that a status Twilio adds later still decodes.
public struct TwilioCallStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The status as Twilio spells it.
    public var rawValue: String

    /// Creates a status from Twilio's spelling.
    ///
    /// - Parameter rawValue: The status text, such as `busy`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Created, waiting to be dialled.
    public static let queued = TwilioCallStatus(rawValue: "queued")
    /// The called party's phone is ringing.
    public static let ringing = TwilioCallStatus(rawValue: "ringing")
    /// Answered and connected.
    public static let inProgress = TwilioCallStatus(rawValue: "in-progress")
    /// Answered and ended normally.
    public static let completed = TwilioCallStatus(rawValue: "completed")
    /// The called party was busy.
    public static let busy = TwilioCallStatus(rawValue: "busy")
    /// Not answered within the call's timeout.
    public static let noAnswer = TwilioCallStatus(rawValue: "no-answer")
    /// The call could not be placed.
    public static let failed = TwilioCallStatus(rawValue: "failed")
    /// Ended through the API while queued or ringing.
    public static let canceled = TwilioCallStatus(rawValue: "canceled")

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
