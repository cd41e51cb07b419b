/// Fields of an `application/x-www-form-urlencoded` body or query string, in order.
///
/// Repeated names are kept (`MediaUrl=a&MediaUrl=b`). Decoding is lenient the way browsers
/// are: `+` is a space, `%XX` is a byte, a `%` not followed by two hex digits stays as it is,
/// and bytes that are not UTF-8 become U+FFFD.
public struct HTTPForm: Sendable {
    /// The fields in order.
    public var fields: [(name: String, value: String)]

    /// Creates a form from fields in order.
    ///
    /// - Parameter fields: The fields, first to last.
    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// Decodes a form-encoded body.
    ///
    /// - Parameter bytes: The body, such as `To=%2B15005550006&Body=Hi+there`.
    public init(decoding bytes: [UInt8]) {
        var fields: [(name: String, value: String)] = []
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let separator = pair.firstIndex(of: UInt8(ascii: "="))
            let name = pair[pair.startIndex..<(separator ?? pair.endIndex)]
            let value = separator.map { pair[pair.index(after: $0)...] } ?? []
            fields.append((name: Self.decodeComponent(name), value: Self.decodeComponent(value)))
        }
        self.fields = fields
    }

    /// Decodes a form-encoded query string (without the leading `?`).
    ///
    /// - Parameter text: The query, such as `PageSize=20&Page=1`.
    public init(decoding text: String) {
        self.init(decoding: Array(text.utf8))
    }

    /// The value of the first field called `name` (case-sensitive), or `nil` when there is none.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of the fields called `name` (case-sensitive), in order.
    ///
    /// - Parameter name: The field name.
    /// - Returns: The values; empty when there is no such field.
    public func values(for name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// Whether any field is called `name` (case-sensitive).
    ///
    /// - Parameter name: The field name.
    /// - Returns: `true` when at least one field has that name, even with an empty value.
    public func contains(_ name: String) -> Bool {
        fields.contains { $0.name == name }
    }

    /// The fields form-encoded, such as `To=%2B15005550006&Body=Hi+there`.
    public var encoded: String {
        fields.map { Self.encodeComponent($0.name) + "=" + Self.encodeComponent($0.value) }.joined(separator: "&")
    }

    private static func decodeComponent(_ bytes: ArraySlice<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), let high = hexValue(bytes, index + 1),
                let low = hexValue(bytes, index + 2)
            {
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ bytes: ArraySlice<UInt8>, _ index: Int) -> UInt8? {
        guard index < bytes.endIndex else {
            return nil
        }
        switch bytes[index] {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return bytes[index] - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return bytes[index] - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return bytes[index] - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func encodeComponent(_ text: String) -> String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "*"):
                output.append(byte)
            case UInt8(ascii: " "):
                output.append(UInt8(ascii: "+"))
            default:
                output += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
