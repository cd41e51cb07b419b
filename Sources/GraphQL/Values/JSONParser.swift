/// A strict RFC 8259 JSON parser over UTF-8 bytes, with size and depth limits.
///
/// Recursion is bounded by ``JSONLimits/maxDepth``. Integers that fit `Int` become
/// ``GraphQLValue/int(_:)``; other numbers become ``GraphQLValue/double(_:)``. A repeated
/// object key keeps its first position and its last value.
struct JSONParser {
    private let bytes: [UInt8]
    private let limits: JSONLimits
    private var position = 0
    private var depth = 0

    init(bytes: [UInt8], limits: JSONLimits) throws(JSONParseError) {
        self.bytes = bytes
        self.limits = limits
        guard bytes.count <= limits.maxBytes else {
            throw JSONParseError(
                reason: "Input is larger than the limit of \(limits.maxBytes) bytes.",
                line: 1,
                column: 1
            )
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw JSONParseError(reason: "Input is not valid UTF-8.", line: 1, column: 1)
        }
    }

    mutating func parseDocument() throws(JSONParseError) -> GraphQLValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else {
            throw error("Unexpected content after the end of the JSON value.")
        }
        return value
    }

    private mutating func parseValue() throws(JSONParseError) -> GraphQLValue {
        guard position < bytes.count else {
            throw error("Unexpected end of input, expected a value.")
        }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseList()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseKeyword("true", .bool(true))
        case UInt8(ascii: "f"): return try parseKeyword("false", .bool(false))
        case UInt8(ascii: "n"): return try parseKeyword("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("Unexpected character \(describe(bytes[position])), expected a value.")
        }
    }

    private mutating func enterNesting() throws(JSONParseError) {
        depth += 1
        guard depth <= limits.maxDepth else {
            throw error("Nesting is deeper than the limit of \(limits.maxDepth).")
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> GraphQLValue {
        try enterNesting()
        position += 1
        var object = GraphQLObject()
        skipWhitespace()
        if consume(UInt8(ascii: "}")) {
            depth -= 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("Expected a string as an object key.")
            }
            let key = try parseString()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else {
                throw error("Expected ':' after an object key.")
            }
            skipWhitespace()
            object[key] = try parseValue()
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            guard consume(UInt8(ascii: "}")) else {
                throw error("Expected ',' or '}' in an object.")
            }
            depth -= 1
            return .object(object)
        }
    }

    private mutating func parseList() throws(JSONParseError) -> GraphQLValue {
        try enterNesting()
        position += 1
        var items: [GraphQLValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) {
            depth -= 1
            return .list(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            guard consume(UInt8(ascii: "]")) else {
                throw error("Expected ',' or ']' in an array.")
            }
            depth -= 1
            return .list(items)
        }
    }

    private mutating func parseKeyword(_ word: String, _ value: GraphQLValue) throws(JSONParseError) -> GraphQLValue {
        let expected = Array(word.utf8)
        guard bytes.count - position >= expected.count,
            bytes[position..<position + expected.count].elementsEqual(expected)
        else {
            throw error("Invalid literal, expected '\(word)'.")
        }
        position += expected.count
        return value
    }

    private mutating func parseNumber() throws(JSONParseError) -> GraphQLValue {
        let start = position
        var isInteger = true
        _ = consume(UInt8(ascii: "-"))
        if consume(UInt8(ascii: "0")) {
            if position < bytes.count, isDigit(bytes[position]) {
                throw error("Numbers may not have leading zeros.")
            }
        } else {
            try consumeDigits()
        }
        if consume(UInt8(ascii: ".")) {
            isInteger = false
            try consumeDigits()
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            isInteger = false
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            try consumeDigits()
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let integer = Int(text) {
            return .int(integer)
        }
        guard let number = Double(text), number.isFinite else {
            throw error("Number \(text) cannot be represented.")
        }
        return .double(number)
    }

    private mutating func consumeDigits() throws(JSONParseError) {
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw error("Expected a digit in a number.")
        }
        while position < bytes.count, isDigit(bytes[position]) {
            position += 1
        }
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var segmentStart = position
        while true {
            guard position < bytes.count else {
                throw error("Unterminated string.")
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                scalars.append(
                    contentsOf: String(decoding: bytes[segmentStart..<position], as: UTF8.self).unicodeScalars
                )
                position += 1
                return String(scalars)
            }
            if byte < 0x20 {
                throw error("Control characters must be escaped in strings.")
            }
            if byte == UInt8(ascii: "\\") {
                scalars.append(
                    contentsOf: String(decoding: bytes[segmentStart..<position], as: UTF8.self).unicodeScalars
                )
                position += 1
                scalars.append(try parseEscape())
                segmentStart = position
                continue
            }
            position += 1
        }
    }

    private mutating func parseEscape() throws(JSONParseError) -> Unicode.Scalar {
        guard position < bytes.count else {
            throw error("Unterminated string.")
        }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): return try parseUnicodeEscape()
        default: throw error("Invalid escape sequence in a string.")
        }
    }

    private mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
        let first = try readHex4()
        if (0xD800...0xDBFF).contains(first) {
            guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else {
                throw error("A high surrogate must be followed by a low surrogate escape.")
            }
            let second = try readHex4()
            guard (0xDC00...0xDFFF).contains(second) else {
                throw error("A high surrogate must be followed by a low surrogate escape.")
            }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw error("A lone low surrogate is not a valid character.")
        }
        return scalar
    }

    private mutating func readHex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count, let digit = hexValue(bytes[position]) else {
                throw error("Expected four hexadecimal digits after \\u.")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "0x" + String(byte, radix: 16)
    }

    private func error(_ reason: String) -> JSONParseError {
        var line = 1
        var lineStart = 0
        for offset in 0..<min(position, bytes.count) where bytes[offset] == 0x0A {
            line += 1
            lineStart = offset + 1
        }
        return JSONParseError(reason: reason, line: line, column: position - lineStart + 1)
    }
}

/// The value of one hexadecimal digit, or `nil` for any other byte.
func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
}
