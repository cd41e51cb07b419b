/// A TwiML document that cannot be written as XML.
public struct TwiMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of mistake; new kinds may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case invalidCharacter
            case invalidName
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// Text or an attribute value holds a character XML 1.0 cannot carry, escaped or not:
        /// a control character other than tab, line feed and carriage return, U+FFFE or U+FFFF.
        public static let invalidCharacter = Code(.invalidCharacter)
        /// An element or attribute name is not an XML name made of ASCII letters, digits,
        /// `_`, `-`, `.` and `:` (starting with a letter, `_` or `:`).
        public static let invalidName = Code(.invalidName)

        /// The code's name.
        public var description: String {
            kind.rawValue
        }
    }

    /// The kind of mistake.
    public var code: Code
    /// What is wrong, where, and how to fix it.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of mistake.
    ///   - message: What is wrong and how to fix it.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The code and the message.
    public var description: String {
        "\(code): \(message)"
    }
}
