/// A message body with `{{name}}` placeholders, such as `Hi {{name}}, your code is {{ code }}`:
/// the body template of `BulkSendSms`.
///
/// A placeholder is `{{`, a name of letters, digits, `_`, `-` and `.` (spaces around it are
/// allowed), and `}}`. Names are matched exactly, case included. Text outside placeholders is
/// sent as written; there is no escape for a literal `{{`. Clients parse it too, to check a
/// template and its variables before they send anything.
public struct BodyTemplate: Sendable, Equatable {
    /// Why a template cannot be used.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        /// What is wrong, such as `a {{ has no closing }}`.
        public var message: String

        public var description: String {
            message
        }
    }

    private enum Part: Sendable, Equatable {
        case text(String)
        case placeholder(String)
    }

    private let parts: [Part]

    /// The names the template uses, in order of first use.
    public let names: [String]

    /// The template of an empty body.
    static let empty = BodyTemplate(parts: [], names: [])

    private init(parts: [Part], names: [String]) {
        self.parts = parts
        self.names = names
    }

    /// Parses `text`.
    ///
    /// - Throws: ``SyntaxError`` for a `{{` without `}}` or a placeholder whose name is empty or
    ///   holds other characters.
    public init(_ text: String) throws(SyntaxError) {
        var parts: [Part] = []
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            if open.lowerBound > rest.startIndex {
                parts.append(.text(String(rest[..<open.lowerBound])))
            }
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                throw SyntaxError(message: "a {{ has no closing }}")
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
            guard !name.isEmpty, name.unicodeScalars.allSatisfy(Self.isNameCharacter) else {
                throw SyntaxError(
                    message: "{{\(rest[open.upperBound..<close.lowerBound])}} is not a placeholder: a name is "
                        + "letters, digits, _, - and ."
                )
            }
            parts.append(.placeholder(name))
            if !names.contains(name) {
                names.append(name)
            }
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty {
            parts.append(.text(String(rest)))
        }
        self.parts = parts
        self.names = names
    }

    /// The body for one recipient, or the names `variables` lacks.
    func render(_ variables: [String: String]) -> Result<String, MissingVariables> {
        let missing = names.filter { variables[$0] == nil }
        guard missing.isEmpty else {
            return .failure(MissingVariables(names: missing))
        }
        var body = ""
        for part in parts {
            switch part {
            case .text(let text): body += text
            case .placeholder(let name): body += variables[name] ?? ""
            }
        }
        return .success(body)
    }

    /// The names a recipient's variables lack.
    struct MissingVariables: Error, Equatable {
        var names: [String]
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.".unicodeScalars.contains(scalar)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
