internal import ServiceSupport

/// A JSON document built in code and written compactly with object keys in sorted order,
/// which is how the sandbox writes every Twilio body.
indirect enum JSONValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case null
    case bool(Bool)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) {
        self = .string(value)
    }

    init(integerLiteral value: Int) {
        self = .integer(value)
    }

    /// `.string(text)`, or `.null` when `text` is `nil`.
    static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    /// `.integer(number)`, or `.null` when `number` is `nil`.
    static func optional(_ number: Int?) -> JSONValue {
        number.map(JSONValue.integer) ?? .null
    }

    /// The compact encoding, such as `{"code":20404,"status":404}`.
    var encoded: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .string(let value): JSONString.quote(value)
        case .array(let values): "[" + values.map(\.encoded).joined(separator: ",") + "]"
        case .object(let members):
            "{"
                + members.keys.sorted().map { JSONString.quote($0) + ":" + members[$0, default: .null].encoded }
                .joined(separator: ",") + "}"
        }
    }
}
