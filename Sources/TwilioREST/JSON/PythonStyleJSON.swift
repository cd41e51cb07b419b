/// Writes JSON text the way twilio-python's `serialize.object` does, which is Python's
/// `json.dumps` with its default settings: `", "` between members, `": "` after keys, and every
/// character outside printable ASCII escaped (`\n`, `\u00e9`, surrogate pairs above U+FFFF).
///
/// Twilio reads object-valued parameters such as `ChannelConfiguration` from one form field
/// holding this text; writing it the same way keeps the form bodies byte for byte equal to the
/// library's.
enum PythonStyleJSON {
    /// A JSON value that this writer can write.
    indirect enum Value {
        case string(String)
        /// An object whose members are written in the given order.
        case object([(String, Value)])
    }

    /// The text of `value`.
    static func text(_ value: Value) -> String {
        switch value {
        case .string(let text):
            return quote(text)
        case .object(let members):
            let written = members.map { quote($0.0) + ": " + text($0.1) }
            return "{" + written.joined(separator: ", ") + "}"
        }
    }

    private static func quote(_ text: String) -> String {
        var result = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x08: result += "\\b"
            case 0x0C: result += "\\f"
            case 0x20...0x7E: result.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default: result += "\\u" + hex4(unit)
            }
        }
        return result + "\""
    }

    private static func hex4(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
