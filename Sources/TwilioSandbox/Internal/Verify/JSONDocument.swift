/// A JSON document read from a request parameter, such as Verify's `ChannelConfiguration`.
///
/// The parser follows RFC 8259 strictly (no trailing commas, no comments, escapes checked) and
/// stops at ``maximumDepth`` levels of nesting. Numbers keep their text.
indirect enum JSONDocument {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONDocument])
    /// Members in document order; a repeated name keeps every occurrence.
    case object([(String, JSONDocument)])

    /// Deeper documents are refused, so that a hostile parameter cannot exhaust the stack.
    static let maximumDepth = 32

    /// Parses `text`, or returns `nil` when it is not one JSON value with only whitespace around it.
    init?(parsing text: String) {
        var parser = Parser(bytes: Array(text.utf8))
        guard let value = parser.value(depth: 0) else {
            return nil
        }
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else {
            return nil
        }
        self = value
    }

    /// The value of the first member called `name` of an object; `nil` for other values.
    subscript(name: String) -> JSONDocument? {
        guard case .object(let members) = self else {
            return nil
        }
        return members.first { $0.0 == name }?.1
    }
}

private struct Parser {
    let bytes: [UInt8]
    var index = 0

    mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
            index += 1
        }
    }

    mutating func value(depth: Int) -> JSONDocument? {
        skipWhitespace()
        guard index < bytes.count, depth <= JSONDocument.maximumDepth else {
            return nil
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map(JSONDocument.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    private mutating func object(depth: Int) -> JSONDocument? {
        index += 1
        var members: [(String, JSONDocument)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let name = string() else {
                return nil
            }
            skipWhitespace()
            guard consume(":"), let member = value(depth: depth + 1) else {
                return nil
            }
            members.append((name, member))
            skipWhitespace()
            if consume(",") {
                continue
            }
            return consume("}") ? .object(members) : nil
        }
    }

    private mutating func array(depth: Int) -> JSONDocument? {
        index += 1
        var elements: [JSONDocument] = []
        skipWhitespace()
        if consume("]") {
            return .array(elements)
        }
        while true {
            guard let element = value(depth: depth + 1) else {
                return nil
            }
            elements.append(element)
            skipWhitespace()
            if consume(",") {
                continue
            }
            return consume("]") ? .array(elements) : nil
        }
    }

    private mutating func literal(_ word: String, _ result: JSONDocument) -> JSONDocument? {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            return nil
        }
        index += expected.count
        return result
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() -> JSONDocument? {
        let start = index
        _ = consume("-")
        guard digits() > 0 else {
            return nil
        }
        let integerDigits = bytes[(bytes[start] == UInt8(ascii: "-") ? start + 1 : start)..<index]
        guard integerDigits.count == 1 || integerDigits.first != UInt8(ascii: "0") else {
            return nil
        }
        if consume("."), digits() == 0 {
            return nil
        }
        if consume("e") || consume("E") {
            _ = consume("+") || consume("-")
            guard digits() > 0 else {
                return nil
            }
        }
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            index += 1
        }
        return index - start
    }

    private mutating func string() -> String? {
        index += 1
        var scalars = String.UnicodeScalarView()
        var pendingHighSurrogate: UInt32?
        var raw: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard pendingHighSurrogate == nil, flush(&raw, into: &scalars) else {
                    return nil
                }
                return String(scalars)
            case UInt8(ascii: "\\"):
                guard flush(&raw, into: &scalars), index < bytes.count else {
                    return nil
                }
                let escape = bytes[index]
                index += 1
                if escape == UInt8(ascii: "u") {
                    guard let unit = hex4() else {
                        return nil
                    }
                    if let high = pendingHighSurrogate {
                        guard (0xDC00...0xDFFF).contains(unit),
                            let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))
                        else {
                            return nil
                        }
                        scalars.append(scalar)
                        pendingHighSurrogate = nil
                    } else if (0xD800...0xDBFF).contains(unit) {
                        pendingHighSurrogate = unit
                    } else {
                        guard let scalar = Unicode.Scalar(unit) else {
                            return nil
                        }
                        scalars.append(scalar)
                    }
                    continue
                }
                guard pendingHighSurrogate == nil, let unescaped = Self.simpleEscapes[escape] else {
                    return nil
                }
                scalars.append(unescaped)
            case 0x00..<0x20:
                return nil
            default:
                guard pendingHighSurrogate == nil else {
                    return nil
                }
                raw.append(byte)
            }
        }
        return nil
    }

    private static let simpleEscapes: [UInt8: Unicode.Scalar] = [
        UInt8(ascii: "\""): "\"", UInt8(ascii: "\\"): "\\", UInt8(ascii: "/"): "/", UInt8(ascii: "b"): "\u{8}",
        UInt8(ascii: "f"): "\u{C}", UInt8(ascii: "n"): "\n", UInt8(ascii: "r"): "\r", UInt8(ascii: "t"): "\t",
    ]

    /// Moves the unescaped bytes gathered so far into `scalars`; `false` when they are not UTF-8.
    private func flush(_ raw: inout [UInt8], into scalars: inout String.UnicodeScalarView) -> Bool {
        guard !raw.isEmpty else {
            return true
        }
        guard let text = String(validating: raw, as: UTF8.self) else {
            return false
        }
        scalars.append(contentsOf: text.unicodeScalars)
        raw.removeAll(keepingCapacity: true)
        return true
    }

    private mutating func hex4() -> UInt32? {
        guard bytes.count - index >= 4 else {
            return nil
        }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = Self.hexValue(byte) else {
                return nil
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private mutating func consume(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else {
            return false
        }
        index += 1
        return true
    }
}
