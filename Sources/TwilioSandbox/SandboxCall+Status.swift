extension SandboxCall {
    /// A call status (`call_enum_status`), such as `ringing` or `in-progress`.
    ///
    /// `initiated` is not among them: Twilio reports it only as the `CallStatus` of the
    /// `initiated` status callback, while the call itself is still `queued`.
    public struct Status: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The status as Twilio spells it.
        public var rawValue: String

        /// Creates a status from Twilio's spelling.
        ///
        /// - Parameter rawValue: The status, such as `busy`.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The status as Twilio spells it.
        public var description: String {
            rawValue
        }

        /// Created, waiting to be dialled (also while dialling, before it rings).
        public static let queued = Status(rawValue: "queued")
        /// The called party's phone is ringing.
        public static let ringing = Status(rawValue: "ringing")
        /// Answered and connected.
        public static let inProgress = Status(rawValue: "in-progress")
        /// Answered and ended normally.
        public static let completed = Status(rawValue: "completed")
        /// The called party was busy.
        public static let busy = Status(rawValue: "busy")
        /// Not answered in time.
        public static let noAnswer = Status(rawValue: "no-answer")
        /// Could not be placed.
        public static let failed = Status(rawValue: "failed")
        /// Ended through the API before it was answered.
        public static let canceled = Status(rawValue: "canceled")

        /// Whether no further change can happen.
        public var isFinal: Bool {
            [.completed, .busy, .noAnswer, .failed, .canceled].contains(self)
        }
    }
}
