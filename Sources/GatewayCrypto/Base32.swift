/// Base32 text (RFC 4648, section 6), the form TOTP secrets take in authenticator apps.
public enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// Encodes `bytes` in uppercase Base32.
    ///
    /// - Parameters:
    ///   - bytes: The bytes to encode.
    ///   - padding: Whether to pad the text with `=` to a multiple of 8 characters; `otpauth://`
    ///     URIs leave it out.
    /// - Returns: The text.
    public static func encode(_ bytes: [UInt8], padding: Bool = false) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 8 + 4) / 5 + 6)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                output.append(alphabet[Int(buffer >> UInt32(bits) & 0x1F)])
            }
        }
        if bits > 0 {
            output.append(alphabet[Int(buffer << UInt32(5 - bits) & 0x1F)])
        }
        while padding, output.count % 8 != 0 {
            output.append(UInt8(ascii: "="))
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes Base32 text, in either case, with or without `=` padding.
    ///
    /// - Parameter text: The text to decode.
    /// - Returns: The bytes, or `nil` when `text` holds a character outside the alphabet,
    ///   padding before the end, or a length no encoder produces.
    public static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        let unpadded = characters.prefix { $0 != UInt8(ascii: "=") }
        guard characters.dropFirst(unpadded.count).allSatisfy({ $0 == UInt8(ascii: "=") }) else {
            return nil
        }
        guard ![1, 3, 6].contains(unpadded.count % 8) else {
            return nil
        }

        var output: [UInt8] = []
        output.reserveCapacity(unpadded.count * 5 / 8)
        var buffer: UInt32 = 0
        var bits = 0
        for character in unpadded {
            guard let value = value(of: character) else {
                return nil
            }
            buffer = buffer << 5 | UInt32(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return output
    }

    private static func value(of character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a")
        case UInt8(ascii: "2")...UInt8(ascii: "7"): character - UInt8(ascii: "2") + 26
        default: nil
        }
    }
}
