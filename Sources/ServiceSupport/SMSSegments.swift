/// How many SMS segments a message body needs, the way carriers split long messages.
///
/// A body made only of GSM 03.38 characters is sent as GSM-7: 160 septets fit one segment,
/// and a longer body is cut into segments of 153 (7 septets go to the concatenation header).
/// Characters of the GSM extension table (`^ { } \ [ ~ ] | €` and form feed) take two septets
/// and are never split across segments. Any other character switches the whole body to UCS-2:
/// 70 UTF-16 code units fit one segment, 67 per segment beyond, never splitting a surrogate pair.
///
/// The sandbox reports this count as `num_segments`, and bulk sends pace by it.
public struct SMSSegments: Sendable, Hashable {
    /// The character encoding a body is sent in.
    public enum Encoding: String, Sendable, Hashable {
        /// GSM 03.38 seven-bit default alphabet.
        case gsm7 = "GSM-7"
        /// UCS-2 (UTF-16 code units on the wire).
        case ucs2 = "UCS-2"
    }

    /// The encoding the body needs.
    public var encoding: Encoding
    /// The body's size: septets for GSM-7, UTF-16 code units for UCS-2.
    public var units: Int
    /// The number of segments; 0 for an empty body.
    public var count: Int

    /// Measures `body`.
    ///
    /// - Parameter body: The message text.
    public init(measuring body: String) {
        if let septets = Self.gsmSeptets(body) {
            encoding = .gsm7
            units = septets.reduce(0, +)
            count = Self.segments(septets, single: 160, multi: 153)
        } else {
            let codeUnits = body.unicodeScalars.map { $0.utf16.count }
            encoding = .ucs2
            units = codeUnits.reduce(0, +)
            count = Self.segments(codeUnits, single: 70, multi: 67)
        }
    }

    /// The septet cost of each character, or `nil` when one is outside GSM 03.38.
    private static func gsmSeptets(_ body: String) -> [Int]? {
        var costs: [Int] = []
        for scalar in body.unicodeScalars {
            if basicTable.contains(scalar) {
                costs.append(1)
            } else if extensionTable.contains(scalar) {
                costs.append(2)
            } else {
                return nil
            }
        }
        return costs
    }

    /// Packs indivisible items of the given sizes into segments.
    private static func segments(_ sizes: [Int], single: Int, multi: Int) -> Int {
        let total = sizes.reduce(0, +)
        guard total > single else {
            return total == 0 ? 0 : 1
        }
        var count = 1
        var used = 0
        for size in sizes {
            if used + size > multi {
                count += 1
                used = 0
            }
            used += size
        }
        return count
    }

    /// The GSM 03.38 default alphabet without the escape character.
    private static let basicTable: Set<Unicode.Scalar> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
            .unicodeScalars
            + "abcdefghijklmnopqrstuvwxyzäöñüà".unicodeScalars
    )

    /// The GSM 03.38 extension table, reached through the escape character.
    private static let extensionTable: Set<Unicode.Scalar> = Set("^{}\\[~]|€\u{0C}".unicodeScalars)
}
