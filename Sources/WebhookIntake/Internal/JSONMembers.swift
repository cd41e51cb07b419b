/// Reads the members of a JSON object body (RFC 8259) in the order they are written, without
/// Foundation: a string member's value is its decoded text, any other value is its JSON text as
/// written (`1.50`, `true`, `null`, `{"a":1}`), so nothing is reformatted.
///
/// The whole text is checked: one object, nothing after it, at most ``maxDepth`` levels of
/// nesting, valid escapes and numbers, UTF-8.
struct JSONMembers {
    /// The deepest nesting of arrays and objects accepted.
    static let maxDepth = 32

    private let bytes: [UInt8]
    private var index = 0

    /// Parses `bytes`.
    ///
    /// - Returns: The top-level object's members, repeated names kept.
    /// - Throws: ``WebhookRejection`` (400) saying where the text stops being JSON.
    static func members(of bytes: [UInt8]) throws(WebhookRejection) -> [(name: String, value: String)] {
        var parser = JSONMembers(bytes: bytes)
        parser.skipWhitespace()
        guard parser.peek == UInt8(ascii: "{") else {
            throw .badRequest("the JSON body must be an object, such as {\"CallSid\":\"CA…\"}")
        }
        let members = try parser.object()
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.failure("text after the JSON object")
        }
        return members
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var peek: UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private func failure(_ what: String) -> WebhookRejection {
        .badRequest("the JSON body is malformed at byte \(index): \(what)")
    }

    private mutating func object() throws(WebhookRejection) -> [(name: String, value: String)] {
        index += 1
        var members: [(name: String, value: String)] = []
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return members
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else {
                throw failure("expected a member name in quotes")
            }
            let name = try string()
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "expected : after a member name")
            skipWhitespace()
            let start = index
            if peek == UInt8(ascii: "\"") {
                members.append((name: name, value: try string()))
            } else {
                try value(depth: 1)
                members.append((name: name, value: String(decoding: bytes[start..<index], as: UTF8.self)))
            }
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "}"), "expected , or } after a member")
            return members
        }
    }

    /// Skips over one value of any kind, checking it.
    private mutating func value(depth: Int) throws(WebhookRejection) {
        guard depth <= Self.maxDepth else {
            throw failure("nested deeper than \(Self.maxDepth) levels")
        }
        guard let byte = peek else {
            throw failure("expected a value")
        }
        switch byte {
        case UInt8(ascii: "\""):
            _ = try string()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try container(depth: depth)
        case UInt8(ascii: "t"):
            try literal("true")
        case UInt8(ascii: "f"):
            try literal("false")
        case UInt8(ascii: "n"):
            try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number()
        default:
            throw failure("expected a value")
        }
    }

    private mutating func container(depth: Int) throws(WebhookRejection) {
        let isObject = peek == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        index += 1
        skipWhitespace()
        if peek == close {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            if isObject {
                guard peek == UInt8(ascii: "\"") else {
                    throw failure("expected a member name in quotes")
                }
                _ = try string()
                skipWhitespace()
                try expect(UInt8(ascii: ":"), "expected : after a member name")
                skipWhitespace()
            }
            try value(depth: depth + 1)
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(close, isObject ? "expected , or } after a member" : "expected , or ] after an element")
            return
        }
    }

    private mutating func string() throws(WebhookRejection) -> String {
        index += 1
        var output: [UInt8] = []
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: output, as: UTF8.self) else {
                    throw failure("a string that is not UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                try escape(into: &output)
            case 0..<0x20:
                throw failure("a control character inside a string")
            default:
                output.append(byte)
            }
        }
        throw failure("a string that does not end")
    }

    private mutating func escape(into output: inout [UInt8]) throws(WebhookRejection) {
        guard let byte = peek else {
            throw failure("a string that does not end")
        }
        index += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
            UInt8(ascii: "/"): UInt8(ascii: "/"), UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C,
            UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let replacement = simple[byte] {
            output.append(replacement)
            return
        }
        guard byte == UInt8(ascii: "u") else {
            throw failure("an unknown escape \\\(Character(Unicode.Scalar(byte)))")
        }
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar) {
            guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw failure("a lone surrogate escape")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else {
                throw failure("a lone surrogate escape")
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let decoded = Unicode.Scalar(scalar) else {
            throw failure("a lone surrogate escape")
        }
        output += Array(String(Character(decoded)).utf8)
    }

    private mutating func hex4() throws(WebhookRejection) -> UInt32 {
        guard index + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else {
            throw failure("\\u not followed by four hex digits")
        }
        index += 4
        return value
    }

    private mutating func number() throws(WebhookRejection) {
        if peek == UInt8(ascii: "-") {
            index += 1
        }
        if peek == UInt8(ascii: "0") {
            index += 1
        } else {
            guard digits() > 0 else {
                throw failure("a number without digits")
            }
        }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else {
                throw failure("a number without digits after the point")
            }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else {
                throw failure("a number without digits in its exponent")
            }
        }
    }

    private mutating func digits() -> Int {
        let start = index
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            index += 1
        }
        return index - start
    }

    private mutating func literal(_ word: String) throws(WebhookRejection) {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw failure("expected \(word)")
        }
        index += expected.count
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(WebhookRejection) {
        guard peek == byte else {
            throw failure(what)
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
        }
    }
}
