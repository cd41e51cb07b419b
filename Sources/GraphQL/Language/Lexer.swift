/// Splits a GraphQL document into tokens, skipping whitespace, commas, comments and byte order marks.
///
/// The lexer works on UTF-8 bytes; locations count lines and Unicode scalars. Every error is a
/// ``GraphQLError`` whose message starts with `Syntax Error:`.
struct Lexer {
    let bytes: [UInt8]
    var position = 0
    private var line = 1
    private var lineStart = 0
    private var columnCacheOffset = 0
    private var columnCacheValue = 1

    init(source: String) {
        bytes = Array(source.utf8)
    }

    /// The location of a byte offset at or after the last one asked for on the current line.
    mutating func location(at offset: Int) -> SourceLocation {
        if columnCacheOffset < lineStart || columnCacheOffset > offset {
            columnCacheOffset = lineStart
            columnCacheValue = 1
        }
        for index in columnCacheOffset..<offset where bytes[index] & 0xC0 != 0x80 {
            columnCacheValue += 1
        }
        columnCacheOffset = offset
        return SourceLocation(line: line, column: columnCacheValue)
    }

    mutating func syntaxError(_ message: String, at offset: Int) -> GraphQLError {
        GraphQLError(message: "Syntax Error: " + message, locations: [location(at: offset)])
    }

    /// Reads the next token, or `<EOF>` at the end.
    mutating func next() throws(GraphQLError) -> Token {
        skipIgnored()
        let start = position
        guard position < bytes.count else {
            return Token(kind: .endOfFile, value: "", location: location(at: start))
        }
        let byte = bytes[position]
        if let punctuator = Self.punctuators[Int(byte)] {
            position += 1
            return Token(kind: punctuator, value: "", location: location(at: start))
        }
        switch byte {
        case UInt8(ascii: "."):
            guard position + 2 < bytes.count, bytes[position + 1] == byte, bytes[position + 2] == byte else {
                throw syntaxError("Unexpected character: \".\".", at: start)
            }
            position += 3
            return Token(kind: .spread, value: "", location: location(at: start))
        case UInt8(ascii: "\""):
            if position + 2 < bytes.count, bytes[position + 1] == byte, bytes[position + 2] == byte {
                return try readBlockString()
            }
            return try readString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try readNumber()
        case _ where Self.isNameStart(byte):
            while position < bytes.count, Self.isNameContinue(bytes[position]) {
                position += 1
            }
            let name = String(decoding: bytes[start..<position], as: UTF8.self)
            return Token(kind: .name, value: name, location: location(at: start))
        case UInt8(ascii: "'"):
            throw syntaxError(
                "Unexpected single quote character ('), did you mean to use a double quote (\")?",
                at: start
            )
        default:
            throw syntaxError("Unexpected character: \(describeScalar(at: start)).", at: start)
        }
    }

    private static let punctuators: [Token.Kind?] = {
        var table = [Token.Kind?](repeating: nil, count: 256)
        let kinds: [Token.Kind] = [
            .bang, .dollar, .ampersand, .parenLeft, .parenRight, .colon, .equals, .at, .bracketLeft,
            .bracketRight, .braceLeft, .pipe, .braceRight,
        ]
        for kind in kinds {
            table[Int(kind.rawValue.utf8.first!)] = kind
        }
        return table
    }()

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
    }

    static func isNameContinue(_ byte: UInt8) -> Bool {
        isNameStart(byte) || isDigit(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Moves to the next line after a line terminator that ends at `position`.
    mutating func startLine() {
        line += 1
        lineStart = position
    }

    private mutating func skipIgnored() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, UInt8(ascii: ","):
                position += 1
            case 0x0A:
                position += 1
                startLine()
            case 0x0D:
                position += 1
                if position < bytes.count, bytes[position] == 0x0A { position += 1 }
                startLine()
            case 0xEF where position + 2 < bytes.count && bytes[position + 1] == 0xBB && bytes[position + 2] == 0xBF:
                position += 3
            case UInt8(ascii: "#"):
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D {
                    position += 1
                }
            default:
                return
            }
        }
    }

    /// How error messages show the character at `offset`: `"a"` when printable ASCII, else `U+XXXX`.
    func describeScalar(at offset: Int) -> String {
        guard offset < bytes.count else { return "<EOF>" }
        let byte = bytes[offset]
        if byte >= 0x20, byte < 0x7F {
            return byte == UInt8(ascii: "\"") ? "'\"'" : "\"\(Character(Unicode.Scalar(byte)))\""
        }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let scalar = String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first!
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private mutating func readNumber() throws(GraphQLError) -> Token {
        let start = position
        var isFloat = false
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        if position < bytes.count, bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, Self.isDigit(bytes[position]) {
                throw syntaxError(
                    "Invalid number, unexpected digit after 0: \(describeScalar(at: position)).",
                    at: position
                )
            }
        } else {
            try readDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isFloat = true
            position += 1
            try readDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isFloat = true
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            try readDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") || Self.isNameStart(bytes[position]) {
            throw syntaxError("Invalid number, expected digit but got: \(describeScalar(at: position)).", at: position)
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        return Token(kind: isFloat ? .float : .int, value: text, location: location(at: start))
    }

    private mutating func readDigits() throws(GraphQLError) {
        guard position < bytes.count, Self.isDigit(bytes[position]) else {
            throw syntaxError("Invalid number, expected digit but got: \(describeScalar(at: position)).", at: position)
        }
        while position < bytes.count, Self.isDigit(bytes[position]) {
            position += 1
        }
    }
}
