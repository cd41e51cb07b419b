extension Lexer {
    /// Reads a `"…"` string, decoding escapes including `\u{…}` and surrogate pairs.
    mutating func readString() throws(GraphQLError) -> Token {
        let start = position
        let startLocation = location(at: start)
        position += 1
        var scalars = String.UnicodeScalarView()
        var segmentStart = position
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                scalars.append(contentsOf: decode(segmentStart..<position))
                position += 1
                return Token(kind: .string, value: String(scalars), location: startLocation)
            case UInt8(ascii: "\\"):
                scalars.append(contentsOf: decode(segmentStart..<position))
                scalars.append(try readEscape())
                segmentStart = position
            case 0x0A, 0x0D:
                throw syntaxError("Unterminated string.", at: position)
            case _ where byte < 0x20 && byte != 0x09:
                throw syntaxError("Invalid character within String: \(describeScalar(at: position)).", at: position)
            default:
                position += 1
            }
        }
        throw syntaxError("Unterminated string.", at: position)
    }

    private func decode(_ range: Range<Int>) -> String.UnicodeScalarView {
        String(decoding: bytes[range], as: UTF8.self).unicodeScalars
    }

    /// Reads one escape sequence starting at the backslash.
    private mutating func readEscape() throws(GraphQLError) -> Unicode.Scalar {
        let start = position
        guard position + 1 < bytes.count else {
            throw syntaxError("Unterminated string.", at: bytes.count)
        }
        let letter = bytes[position + 1]
        position += 2
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            if position < bytes.count, bytes[position] == UInt8(ascii: "{") {
                return try readVariableWidthEscape(from: start)
            }
            return try readFixedWidthEscape(from: start)
        default:
            let shown = String(decoding: bytes[start..<min(start + 2, bytes.count)], as: UTF8.self)
            throw syntaxError("Invalid character escape sequence: \"\(shown)\".", at: start)
        }
    }

    /// `\u{1F600}`: one to six hex digits naming a Unicode scalar value.
    private mutating func readVariableWidthEscape(from start: Int) throws(GraphQLError) -> Unicode.Scalar {
        position += 1
        var value: UInt32 = 0
        var digits = 0
        while position < bytes.count, let digit = hexValue(bytes[position]), digits < 8 {
            value = value << 4 | digit
            digits += 1
            position += 1
        }
        guard digits > 0, position < bytes.count, bytes[position] == UInt8(ascii: "}"),
            let scalar = Unicode.Scalar(value)
        else {
            throw invalidUnicodeEscape(from: start, through: min(position + 1, bytes.count))
        }
        position += 1
        return scalar
    }

    /// `\uXXXX`, where a leading surrogate must be followed by `\uXXXX` with a trailing surrogate.
    private mutating func readFixedWidthEscape(from start: Int) throws(GraphQLError) -> Unicode.Scalar {
        guard let first = readHex4(at: position) else {
            throw invalidUnicodeEscape(from: start, through: min(start + 6, bytes.count))
        }
        position += 4
        if let scalar = Unicode.Scalar(first) {
            return scalar
        }
        if (0xD800...0xDBFF).contains(first), position + 1 < bytes.count,
            bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u"),
            let second = readHex4(at: position + 2), (0xDC00...0xDFFF).contains(second)
        {
            position += 6
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
        }
        throw invalidUnicodeEscape(from: start, through: start + 6)
    }

    private func readHex4(at offset: Int) -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for index in offset..<offset + 4 {
            guard let digit = hexValue(bytes[index]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    private mutating func invalidUnicodeEscape(from start: Int, through end: Int) -> GraphQLError {
        let shown = String(decoding: bytes[start..<end], as: UTF8.self)
        return syntaxError("Invalid Unicode escape sequence: \"\(shown)\".", at: start)
    }

    /// Reads a `"""…"""` block string and applies the spec's indentation rules.
    mutating func readBlockString() throws(GraphQLError) -> Token {
        let startLocation = location(at: position)
        position += 3
        var raw: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\""), hasTripleQuote(at: position) {
                position += 3
                return Token(kind: .blockString, value: Self.blockStringValue(raw), location: startLocation)
            }
            if byte == UInt8(ascii: "\\"), hasTripleQuote(at: position + 1) {
                raw.append(contentsOf: [0x22, 0x22, 0x22])
                position += 4
                continue
            }
            switch byte {
            case 0x0A:
                raw.append(byte)
                position += 1
                startLine()
            case 0x0D:
                raw.append(0x0A)
                position += 1
                if position < bytes.count, bytes[position] == 0x0A { position += 1 }
                startLine()
            case _ where byte < 0x20 && byte != 0x09:
                throw syntaxError("Invalid character within String: \(describeScalar(at: position)).", at: position)
            default:
                raw.append(byte)
                position += 1
            }
        }
        throw syntaxError("Unterminated string.", at: position)
    }

    private func hasTripleQuote(at offset: Int) -> Bool {
        offset + 2 < bytes.count && bytes[offset] == 0x22 && bytes[offset + 1] == 0x22 && bytes[offset + 2] == 0x22
    }

    /// The spec's `BlockStringValue`: strip the common indentation of all lines but the first,
    /// then drop leading and trailing blank lines. Line terminators arrive normalised to `\n`.
    static func blockStringValue(_ raw: [UInt8]) -> String {
        var lines = raw.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let isWhitespace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        var commonIndent: Int?
        for line in lines.dropFirst() {
            let indent = line.prefix(while: isWhitespace).count
            if indent < line.count, indent < (commonIndent ?? Int.max) {
                commonIndent = indent
            }
        }
        if let commonIndent {
            for index in lines.indices.dropFirst() {
                lines[index] = Array(lines[index].dropFirst(commonIndent))
            }
        }
        while let first = lines.first, first.allSatisfy(isWhitespace) {
            lines.removeFirst()
        }
        while let last = lines.last, last.allSatisfy(isWhitespace) {
            lines.removeLast()
        }
        return String(decoding: Array(lines.joined(separator: [0x0A])), as: UTF8.self)
    }
}
