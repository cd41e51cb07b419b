extension SQLiteStatement.Value {
    /// The value of an `.integer`, otherwise `nil`.
    var integerValue: Int64? {
        if case .integer(let number) = self { number } else { nil }
    }

    /// The value of a `.real`, or of an `.integer` as a `Double`, otherwise `nil`.
    var realValue: Double? {
        switch self {
        case .real(let number): number
        case .integer(let number): Double(number)
        default: nil
        }
    }

    /// The value of a `.text`, otherwise `nil`.
    var textValue: String? {
        if case .text(let text) = self { text } else { nil }
    }

    /// The bytes of a `.blob`, otherwise `nil`.
    var blobValue: [UInt8]? {
        if case .blob(let bytes) = self { bytes } else { nil }
    }

    /// `.text(text)`, or `.null` for `nil`.
    static func optionalText(_ text: String?) -> Self {
        text.map { .text($0) } ?? .null
    }
}
