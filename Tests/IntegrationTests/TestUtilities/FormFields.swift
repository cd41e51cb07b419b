internal import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, in order, repeats kept.
struct FormFields: Equatable, Sendable, CustomStringConvertible {
    struct Field: Hashable, Sendable {
        var name: String
        var value: String
    }

    var fields: [Field]

    /// Decodes `body`: `&`-separated `name=value` pairs, `+` for space, percent escapes.
    init(decoding body: String) {
        fields = body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return Field(name: Self.unescape(parts[0]), value: parts.count > 1 ? Self.unescape(parts[1]) : "")
        }
    }

    /// The distinct field names.
    var names: Set<String> {
        Set(fields.map(\.name))
    }

    /// The value of the first field called `name`.
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of the fields called `name`, in order.
    func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// The fields sorted by name, then value, for comparing two encoders that order them differently.
    var sorted: [Field] {
        fields.sorted { ($0.name, $0.value) < ($1.name, $1.value) }
    }

    var description: String {
        fields.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    private static func unescape(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
