/// Encodes and decodes `application/x-www-form-urlencoded` bodies, the way Twilio reads and writes them.
///
/// Encoding matches Python's `urllib.parse.urlencode`, which the official `twilio` helper library
/// uses: the bytes `A-Z a-z 0-9 _ . - ~` stay as they are, a space becomes `+`, and every other
/// byte of the UTF-8 text becomes `%XX` with uppercase hexadecimal digits. Pairs are joined with `&`
/// in the order given, so a repeated name such as `MediaUrl` appears once per value.
///
/// Decoding is the reverse and keeps every pair, repeated names included, in body order: `+` becomes
/// a space, `%XX` (either case) becomes its byte, empty segments between `&` are skipped, and a
/// segment without `=` is a name with an empty value. Unlike Python, a `%` without two hexadecimal
/// digits after it, or decoded bytes that are not UTF-8, are errors rather than passed through.
public enum FormEncoding {
    /// Encodes fields as a form body, such as `To=%2B14155550100&Body=Hello+world`.
    ///
    /// - Parameter fields: The pairs to encode, in order.
    /// - Returns: The body text; empty when `fields` is empty.
    public static func encode(_ fields: [FormField]) -> String {
        fields.map { encodeComponent($0.name) + "=" + encodeComponent($0.value) }.joined(separator: "&")
    }

    /// Encodes one name or value, as Python's `urllib.parse.quote_plus` does with no safe characters.
    ///
    /// - Parameter text: The text to encode.
    /// - Returns: The encoded text, made only of unreserved bytes, `+` and `%XX` escapes.
    public static func encodeComponent(_ text: String) -> String {
        percentEncode(text, space: Array("+".utf8))
    }

    /// Decodes a form body into its fields, in body order.
    ///
    /// - Parameter body: The body text.
    /// - Returns: Every field, repeated names included.
    /// - Throws: ``FormDecodingError`` for a malformed `%` escape or bytes that are not UTF-8.
    public static func decode(_ body: String) throws(FormDecodingError) -> [FormField] {
        try decode(bytes: Array(body.utf8))
    }

    /// Decodes a raw form body into its fields, in body order.
    ///
    /// - Parameter bytes: The body as received.
    /// - Returns: Every field, repeated names included.
    /// - Throws: ``FormDecodingError`` for a malformed `%` escape or bytes that are not UTF-8.
    public static func decode(bytes: [UInt8]) throws(FormDecodingError) -> [FormField] {
        var fields: [FormField] = []
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
            if end > start {
                fields.append(try decodeField(bytes, start..<end))
            }
            start = end + 1
        }
        return fields
    }

    /// Percent-encodes `text` for use as one segment of a URL path: like ``encodeComponent(_:)``,
    /// but a space becomes `%20`, since `+` is literal in a path, and a dot becomes `%2E`, so
    /// that no value is ever read as a `.` or `..` segment, which libcurl and servers collapse.
    static func encodePathSegment(_ text: String) -> String {
        percentEncode(text, space: Array("%20".utf8), keepsDots: false)
    }

    private static func percentEncode(_ text: String, space: [UInt8], keepsDots: Bool = true) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte), keepsDots || byte != UInt8(ascii: ".") {
                output.append(byte)
            } else if byte == UInt8(ascii: " ") {
                output.append(contentsOf: space)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func decodeField(_ bytes: [UInt8], _ range: Range<Int>) throws(FormDecodingError) -> FormField {
        guard let equals = bytes[range].firstIndex(of: UInt8(ascii: "=")) else {
            return FormField(try decodeComponent(bytes, range), "")
        }
        let name = try decodeComponent(bytes, range.lowerBound..<equals)
        let value = try decodeComponent(bytes, (equals + 1)..<range.upperBound)
        return FormField(name, value)
    }

    private static func decodeComponent(_ bytes: [UInt8], _ range: Range<Int>) throws(FormDecodingError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            switch bytes[index] {
            case UInt8(ascii: "+"):
                output.append(UInt8(ascii: " "))
                index += 1
            case UInt8(ascii: "%"):
                guard index + 2 < range.upperBound, let high = hexValue(bytes[index + 1]),
                    let low = hexValue(bytes[index + 2])
                else {
                    throw FormDecodingError(
                        code: .malformedPercentEscape,
                        offset: index,
                        message: "'%' must be followed by two hexadecimal digits; send a literal '%' as %25"
                    )
                }
                output.append(high << 4 | low)
                index += 3
            default:
                output.append(bytes[index])
                index += 1
            }
        }
        guard let text = String(validating: output, as: UTF8.self) else {
            throw FormDecodingError(
                code: .invalidUTF8,
                offset: range.lowerBound,
                message: "the percent-decoded bytes are not UTF-8; encode the text as UTF-8 before escaping it"
            )
        }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
