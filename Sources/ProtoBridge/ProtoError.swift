/// A message that cannot be encoded or decoded, or a schema that cannot be read.
///
/// ``code`` says what kind of problem it is and ``message`` names the message type and
/// field involved.
public struct ProtoError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case unknownType
            case unknownField
            case typeMismatch
            case valueOutOfRange
            case invalidEncoding
            case messageTooLarge
            case invalidUTF8
            case unsupportedCharacter
            case invalidSchema
        }

        private let wrapped: Wrapped

        private init(_ wrapped: Wrapped) {
            self.wrapped = wrapped
        }

        /// The message type is not one of the gateway's.
        public static let unknownType = Code(.unknownType)
        /// The message has a value for a field its type does not declare.
        public static let unknownField = Code(.unknownField)
        /// A value's kind does not fit its field's type, or a message is not of the type expected.
        public static let typeMismatch = Code(.typeMismatch)
        /// A number does not fit its field, such as 2^31 in an `int32`.
        public static let valueOutOfRange = Code(.valueOutOfRange)
        /// The bytes are not a valid encoding of the message type: truncated, malformed, or a
        /// known field sent with the wrong wire type.
        public static let invalidEncoding = Code(.invalidEncoding)
        /// The encoded message is longer than the decoder allows.
        public static let messageTooLarge = Code(.messageTooLarge)
        /// A string field holds bytes that are not UTF-8.
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// A string holds U+0000, which protobuf-c cannot carry.
        public static let unsupportedCharacter = Code(.unsupportedCharacter)
        /// A descriptor set cannot be read or uses something this bridge does not support.
        public static let invalidSchema = Code(.invalidSchema)

        public var description: String {
            switch wrapped {
            case .unknownType: "unknown type"
            case .unknownField: "unknown field"
            case .typeMismatch: "type mismatch"
            case .valueOutOfRange: "value out of range"
            case .invalidEncoding: "invalid encoding"
            case .messageTooLarge: "message too large"
            case .invalidUTF8: "invalid UTF-8"
            case .unsupportedCharacter: "unsupported character"
            case .invalidSchema: "invalid schema"
            }
        }
    }

    /// The kind of problem.
    public var code: Code
    /// What is wrong, naming the message type and field.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of problem.
    ///   - message: What is wrong and where.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String {
        "\(code): \(message)"
    }
}
