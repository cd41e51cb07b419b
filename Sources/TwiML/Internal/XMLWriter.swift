/// Writes elements the way twilio-python's `str(response)` does (Python's `ElementTree` with
/// UTF-8 output): attributes sorted by name in code point order, `<Name />` for an element
/// with neither text nor children, no whitespace between elements, characters beyond ASCII
/// written as themselves.
///
/// Escaping: in text `&`, `<` and `>`; in attribute values also `"`, and tab, line feed and
/// carriage return as `&#09;`, `&#10;` and `&#13;` so that they survive attribute-value
/// normalisation. Characters that XML 1.0 cannot carry at all are refused, where Python
/// would write them raw and produce a document no parser accepts.
struct XMLWriter {
    private(set) var output = ""

    mutating func write(_ element: TwiMLElement) throws(TwiMLError) {
        try Self.checkName(element.name, of: "element")
        output += "<" + element.name
        let attributes = element.attributes.sorted { lhs, rhs in
            lhs.name.unicodeScalars.lexicographicallyPrecedes(rhs.name.unicodeScalars) { $0.value < $1.value }
        }
        for attribute in attributes {
            try Self.checkName(attribute.name, of: "attribute of <\(element.name)>")
            output += " " + attribute.name + "=\""
            try append(attribute.value, escapingAttribute: true, context: "attribute \(attribute.name)")
            output += "\""
        }

        guard !element.text.isEmpty || !element.children.isEmpty else {
            output += " />"
            return
        }
        output += ">"
        try append(element.text, escapingAttribute: false, context: "the text of <\(element.name)>")
        for child in element.children {
            try write(child)
        }
        output += "</" + element.name + ">"
    }

    private mutating func append(
        _ text: String,
        escapingAttribute: Bool,
        context: String
    ) throws(TwiMLError) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where escapingAttribute: output += "&quot;"
            case "\t" where escapingAttribute: output += "&#09;"
            case "\n" where escapingAttribute: output += "&#10;"
            case "\r" where escapingAttribute: output += "&#13;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                guard Self.isXMLCharacter(scalar) else {
                    throw TwiMLError(
                        code: .invalidCharacter,
                        message: "\(context) holds U+\(Self.hex(scalar)), which XML 1.0 cannot carry even as a "
                            + "character reference; remove it"
                    )
                }
                output.unicodeScalars.append(scalar)
            }
        }
    }

    /// Whether XML 1.0 allows `scalar` (tab, line feed and carriage return are handled apart).
    private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
    }

    private static func checkName(_ name: String, of kind: String) throws(TwiMLError) {
        let bytes = Array(name.utf8)
        let valid =
            bytes.first.map(isNameStart) == true
            && bytes.allSatisfy { isNameStart($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x2E }
        guard valid else {
            throw TwiMLError(
                code: .invalidName,
                message: "the \(kind) name '\(name)' is not an XML name; use ASCII letters, digits, _, -, . and :, "
                    + "starting with a letter"
            )
        }
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F || byte == 0x3A
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
