/// A form body that could not be decoded.
public struct FormDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of mistake the body contains.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case malformedPercentEscape
            case invalidUTF8
        }

        private let value: Value

        /// A `%` that is not followed by two hexadecimal digits.
        public static let malformedPercentEscape = Code(value: .malformedPercentEscape)
        /// Percent-decoded bytes that are not valid UTF-8.
        public static let invalidUTF8 = Code(value: .invalidUTF8)

        public var description: String {
            switch value {
            case .malformedPercentEscape: "malformed percent escape"
            case .invalidUTF8: "invalid UTF-8"
            }
        }
    }

    /// What kind of mistake the body contains.
    public var code: Code
    /// The byte offset in the body where the faulty name or value starts, or where the bad escape is.
    public var offset: Int
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of mistake the body contains.
    ///   - offset: The byte offset of the mistake.
    ///   - message: What is wrong and how to fix it.
    public init(code: Code, offset: Int, message: String) {
        self.code = code
        self.offset = offset
        self.message = message
    }

    public var description: String {
        "form body has a \(code) at byte \(offset): \(message)"
    }
}
