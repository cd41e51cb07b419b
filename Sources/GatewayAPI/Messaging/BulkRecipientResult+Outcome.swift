extension BulkRecipientResult {
    /// How a recipient's send ended (`BulkRecipientResult.Outcome`).
    ///
    /// Numbers this version does not name are kept, so a newer peer's outcome survives a round trip.
    public struct Outcome: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The enum number on the wire.
        public var rawValue: Int32

        /// Creates an outcome from its number.
        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        /// Not set.
        public static let unspecified = Outcome(rawValue: 0)
        /// Twilio accepted the message.
        public static let sent = Outcome(rawValue: 1)
        /// The message was not sent; the error fields say why.
        public static let failed = Outcome(rawValue: 2)
        /// The recipient opted out of messages from this sender (Twilio 21610).
        public static let optedOut = Outcome(rawValue: 3)
        /// The number appeared earlier in the request and was sent there.
        public static let duplicate = Outcome(rawValue: 4)

        /// The name in the .proto file, such as `OPTED_OUT`, or `OUTCOME_<n>`.
        public var description: String {
            switch rawValue {
            case 0: "OUTCOME_UNSPECIFIED"
            case 1: "SENT"
            case 2: "FAILED"
            case 3: "OPTED_OUT"
            case 4: "DUPLICATE"
            default: "OUTCOME_\(rawValue)"
            }
        }
    }
}
