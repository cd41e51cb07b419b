/// The pieces of Prometheus' text exposition format 0.0.4 that need care: names, escaping, numbers.
enum TextFormat {
    /// Whether `name` is a valid metric name: `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    static func isValidMetricName(_ name: String) -> Bool {
        isValid(name, allowsColon: true)
    }

    /// Whether `name` is a valid label name: `[a-zA-Z_][a-zA-Z0-9_]*`, not starting with `__`
    /// (reserved for Prometheus itself).
    static func isValidLabelName(_ name: String) -> Bool {
        isValid(name, allowsColon: false) && !name.hasPrefix("__")
    }

    /// A label value as it goes between double quotes: `\` as `\\`, `"` as `\"`, a line feed as `\n`.
    static func escapeLabelValue(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == backslash || $0 == quote || $0 == lineFeed }) else {
            return value
        }
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count + 8)
        for character in value.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// A HELP text as it goes on its line: `\` as `\\`, a line feed as `\n` (quotes stay).
    static func escapeHelp(_ text: String) -> String {
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// A sample value as Prometheus parses it: `+Inf`, `-Inf`, `NaN`, a whole number without a
    /// fraction (`42`), or the shortest decimal that reads back as the same `Double` (`0.25`, `1e-05`).
    static func formatValue(_ value: Double) -> String {
        if value.isNaN {
            return "NaN"
        }
        if value.isInfinite {
            return value > 0 ? "+Inf" : "-Inf"
        }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return value.description
    }

    /// `{name="value",...}` for the given pairs, or "" for none.
    static func labelSet(names: [String], values: [String]) -> String {
        guard !names.isEmpty else {
            return ""
        }
        return "{" + labelPairs(names: names, values: values) + "}"
    }

    /// `name="value",...` for the given pairs, without braces.
    static func labelPairs(names: [String], values: [String]) -> String {
        zip(names, values).map { "\($0)=\"\(escapeLabelValue($1))\"" }.joined(separator: ",")
    }

    private static let backslash = UInt8(ascii: "\\")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")

    private static func isValid(_ name: String, allowsColon: Bool) -> Bool {
        guard let first = name.utf8.first, !isDigit(first) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || (allowsColon && byte == UInt8(ascii: ":"))
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
