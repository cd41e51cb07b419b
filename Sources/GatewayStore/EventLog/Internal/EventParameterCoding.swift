/// The encoding of an event's raw parameters in the `parameters` column: a version byte (1),
/// the number of parameters, then each name and value; every number is an unsigned LEB128
/// varint and every string its UTF-8 length followed by its bytes.
///
/// Compact and order-preserving (names may repeat), and decoded without Foundation. A decoder
/// that meets a length running past the end, or another version, reports the blob unreadable
/// instead of trusting it.
enum EventParameterCoding {
    private static let version: UInt8 = 1

    /// Encodes `parameters`.
    static func encode(_ parameters: [EventParameter]) -> [UInt8] {
        var bytes: [UInt8] = [version]
        bytes.reserveCapacity(parameters.reduce(8) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 })
        appendVarint(UInt64(parameters.count), to: &bytes)
        for parameter in parameters {
            appendString(parameter.name, to: &bytes)
            appendString(parameter.value, to: &bytes)
        }
        return bytes
    }

    /// Decodes what ``encode(_:)`` wrote, or returns `nil` when `bytes` are not such an encoding.
    static func decode(_ bytes: [UInt8]) -> [EventParameter]? {
        guard bytes.first == version else {
            return nil
        }
        var index = 1
        guard let count = readVarint(bytes, &index), count <= UInt64(bytes.count) else {
            return nil
        }
        var parameters: [EventParameter] = []
        parameters.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let name = readString(bytes, &index), let value = readString(bytes, &index) else {
                return nil
            }
            parameters.append(EventParameter(name, value))
        }
        return index == bytes.count ? parameters : nil
    }

    private static func appendString(_ text: String, to bytes: inout [UInt8]) {
        appendVarint(UInt64(text.utf8.count), to: &bytes)
        bytes.append(contentsOf: text.utf8)
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private static func readString(_ bytes: [UInt8], _ index: inout Int) -> String? {
        guard let length = readVarint(bytes, &index), length <= UInt64(bytes.count - index) else {
            return nil
        }
        let end = index + Int(length)
        defer { index = end }
        return String(validating: bytes[index..<end], as: UTF8.self)
    }

    private static func readVarint(_ bytes: [UInt8], _ index: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                return value
            }
            shift += 7
        }
        return nil
    }
}
