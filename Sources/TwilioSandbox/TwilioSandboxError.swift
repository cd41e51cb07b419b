/// Why a ``TwilioSandbox`` could not be created or started.
public struct TwilioSandboxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure; new kinds may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case invalidConfiguration
            case startFailed
            case invalidArgument
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// A configuration value is unusable; the message names it.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// The HTTP server could not start, or the sandbox was started twice.
        public static let startFailed = Code(.startFailed)
        /// A call's arguments do not fit the sandbox, such as a number no account owns; the
        /// message says which.
        public static let invalidArgument = Code(.invalidArgument)

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
