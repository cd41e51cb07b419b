/// Why an ``HTTPServer`` could not be created, started or used, or why a streaming body no
/// longer takes bytes.
public struct HTTPServerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure; new kinds may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case invalidConfiguration
            case startFailed
            case invalidState
            case streamClosed
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// A configuration value is out of range; the message names it.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// libmicrohttpd could not start, usually because the address cannot be bound.
        public static let startFailed = Code(.startFailed)
        /// The call does not fit the server's lifecycle, such as starting it twice.
        public static let invalidState = Code(.invalidState)
        /// A streaming body takes no more bytes: the client disconnected, the server is
        /// stopping, or the producer already returned. The producer should return.
        public static let streamClosed = Code(.streamClosed)

        /// The code's name.
        public var description: String {
            kind.rawValue
        }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and how to fix it, such as
    /// `cannot listen on 127.0.0.1:8080: Address already in use`.
    public var message: String
    /// The `errno` of the system call that failed, when one did (such as `EADDRINUSE` from
    /// `bind`), for callers that word the reason themselves.
    public var errorNumber: Int32?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: What went wrong and how to fix it.
    ///   - errorNumber: The `errno` of the failed system call, if one failed.
    public init(code: Code, message: String, errorNumber: Int32? = nil) {
        self.code = code
        self.message = message
        self.errorNumber = errorNumber
    }

    /// The code and the message.
    public var description: String {
        "\(code): \(message)"
    }
}
