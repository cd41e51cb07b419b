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
    /// What went wrong and how to fix it.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: What went wrong and how to fix it.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The code and the message.
    public var description: String {
        "\(code): \(message)"
    }
}
