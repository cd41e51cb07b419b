/// Bytes that break the wire format: a bad preface, a malformed payload, a frame over the
/// size limit, or input that ends inside a frame.
///
/// The set of codes is open; match on ``code`` with `==` and keep a default case.
public struct FramingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of rule the bytes broke.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case invalidPreface
            case malformedPayload
            case oversizedFrame
            case truncatedInput
            case valueTooLarge
        }

        private let value: Value

        private init(_ value: Value) {
            self.value = value
        }

        /// The connection did not start with the `TWGW` magic.
        public static let invalidPreface = Code(.invalidPreface)
        /// A payload's lengths or contents do not match its frame type's layout.
        public static let malformedPayload = Code(.malformedPayload)
        /// A frame announced a payload larger than the receiver accepts.
        public static let oversizedFrame = Code(.oversizedFrame)
        /// The input ended inside a preface or a frame.
        public static let truncatedInput = Code(.truncatedInput)
        /// A value is too large for its length field, such as a path over 65,535 bytes.
        public static let valueTooLarge = Code(.valueTooLarge)

        public var description: String {
            switch value {
            case .invalidPreface: "invalidPreface"
            case .malformedPayload: "malformedPayload"
            case .oversizedFrame: "oversizedFrame"
            case .truncatedInput: "truncatedInput"
            case .valueTooLarge: "valueTooLarge"
            }
        }
    }

    /// What kind of rule the bytes broke.
    public var code: Code
    /// What was wrong, naming the field and the numbers involved.
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String {
        "\(code): \(message)"
    }
}
