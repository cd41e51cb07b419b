/// A failure of the server or client machinery itself, such as a port that cannot be bound;
/// not the outcome of a call, which is an `RPCError`.
///
/// The set of codes is open; match on ``code`` with `==` and keep a default case.
public struct TransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case invalidAddress
            case systemCallFailed
            case invalidState
        }

        private let value: Value

        private init(_ value: Value) {
            self.value = value
        }

        /// The host did not resolve or the port is out of range.
        public static let invalidAddress = Code(.invalidAddress)
        /// A socket call failed; the message names the call and the system's reason.
        public static let systemCallFailed = Code(.systemCallFailed)
        /// The object is not in a state that allows the operation, such as a second `start`.
        public static let invalidState = Code(.invalidState)

        public var description: String {
            switch value {
            case .invalidAddress: "invalidAddress"
            case .systemCallFailed: "systemCallFailed"
            case .invalidState: "invalidState"
            }
        }
    }

    /// What kind of failure.
    public var code: Code
    /// What failed and why, such as `bind(127.0.0.1:80) failed: Permission denied (errno 13)`.
    public var message: String
    /// The `errno` of the system call that failed, for ``Code/systemCallFailed``, so that a
    /// caller can word the reason itself (`EADDRINUSE` from `bind`).
    public var errorNumber: Int32?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of failure.
    ///   - message: What failed and why.
    ///   - errorNumber: The `errno` of the failed system call, if one failed.
    public init(code: Code, message: String, errorNumber: Int32? = nil) {
        self.code = code
        self.message = message
        self.errorNumber = errorNumber
    }

    public var description: String {
        "\(code): \(message)"
    }
}
