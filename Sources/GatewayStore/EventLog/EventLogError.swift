/// Why the event log refused or failed a call.
public struct EventLogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure; new kinds may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case overloaded
            case closed
            case invalidArgument
            case storageFailed
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// Too many appends are waiting to be stored; nothing was stored. A webhook answers
        /// 503, so that Twilio retries it later.
        public static let overloaded = Code(.overloaded)
        /// The log was closed.
        public static let closed = Code(.closed)
        /// The call's arguments were wrong (an empty consumer name, an offset never appended);
        /// the message says which.
        public static let invalidArgument = Code(.invalidArgument)
        /// The storage engine failed (disk full, I/O error, unreadable file); nothing was stored
        /// by the failed call.
        public static let storageFailed = Code(.storageFailed)

        /// The code's name.
        public var description: String {
            kind.rawValue
        }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and what to do about it.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: What went wrong.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The code and the message.
    public var description: String {
        "EventLog \(code): \(message)"
    }
}
