/// One lexical token of a GraphQL document.
struct Token: Sendable {
    /// The kinds of token; punctuators carry their text as the raw value.
    enum Kind: String, Sendable {
        case startOfFile = "<SOF>"
        case endOfFile = "<EOF>"
        case bang = "!"
        case dollar = "$"
        case ampersand = "&"
        case parenLeft = "("
        case parenRight = ")"
        case spread = "..."
        case colon = ":"
        case equals = "="
        case at = "@"
        case bracketLeft = "["
        case bracketRight = "]"
        case braceLeft = "{"
        case pipe = "|"
        case braceRight = "}"
        case name = "Name"
        case int = "Int"
        case float = "Float"
        case string = "String"
        case blockString = "BlockString"

        var isPunctuator: Bool {
            switch self {
            case .name, .int, .float, .string, .blockString, .startOfFile, .endOfFile: return false
            default: return true
            }
        }

        /// How error messages name this kind: `"{"`, `Name`, `<EOF>`.
        var quoted: String {
            isPunctuator ? "\"\(rawValue)\"" : rawValue
        }
    }

    var kind: Kind
    /// The name, the number as written, or the unescaped string; empty for punctuators.
    var value: String
    var location: SourceLocation

    /// How error messages name this token: `"}"`, `Name "foo"`, `<EOF>`.
    var summary: String {
        value.isEmpty && kind != .string && kind != .blockString ? kind.quoted : "\(kind.quoted) \"\(value)\""
    }
}
