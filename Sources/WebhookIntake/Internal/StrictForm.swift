/// Decodes an `application/x-www-form-urlencoded` body strictly, for requests whose signature
/// already checked out: every `%` starts a two-digit hex escape, every field has a name, and
/// the decoded text is UTF-8.
///
/// ``HTTPServer/HTTPForm`` decodes leniently (as browsers do); the signature check uses that,
/// so a malformed body fails the check or, when it was signed as it is, gets a clear 400 here.
enum StrictForm {
    /// The fields of `body` in order, repeated names kept; empty `&` separators are skipped.
    ///
    /// - Throws: ``WebhookRejection`` (400) naming the first malformed field.
    static func fields(of body: [UInt8]) throws(WebhookRejection) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for (index, pair) in body.split(separator: UInt8(ascii: "&")).enumerated() {
            let separator = pair.firstIndex(of: UInt8(ascii: "="))
            let name = try decode(pair[pair.startIndex..<(separator ?? pair.endIndex)], field: index)
            var value = ""
            if let separator {
                value = try decode(pair[pair.index(after: separator)...], field: index)
            }
            guard !name.isEmpty else {
                throw .badRequest("the form body's field \(index + 1) has no name")
            }
            fields.append((name: name, value: value))
        }
        return fields
    }

    private static func decode(_ bytes: ArraySlice<UInt8>, field: Int) throws(WebhookRejection) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "+"):
                output.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = hex(bytes, index + 1), let low = hex(bytes, index + 2) else {
                    throw .badRequest(
                        "the form body's field \(field + 1) has a % that is not followed by two hex digits"
                    )
                }
                output.append(high << 4 | low)
                index += 2
            default:
                output.append(bytes[index])
            }
            index += 1
        }
        guard let text = String(validating: output, as: UTF8.self) else {
            throw .badRequest("the form body's field \(field + 1) is not UTF-8 text")
        }
        return text
    }

    private static func hex(_ bytes: ArraySlice<UInt8>, _ index: Int) -> UInt8? {
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
}
