/// The one line of a secret given on standard input (`credentials set`).
enum SecretLine {
    /// Removes one line end (`\n` or `\r\n`) from the end of `bytes`, in place, and checks that
    /// what is left is one non-empty line with no space or tab at either end.
    ///
    /// - Parameters:
    ///   - bytes: Standard input as read; on return, the secret alone.
    ///   - what: What the secret is, for the messages ("the Auth Token").
    /// - Throws: ``CommandArguments/ParseError`` saying what is wrong, never with the secret's bytes.
    static func strip(_ bytes: inout [UInt8], what: String) throws {
        if bytes.last == UInt8(ascii: "\n") {
            bytes.removeLast()
            if bytes.last == UInt8(ascii: "\r") {
                bytes.removeLast()
            }
        }
        guard !bytes.isEmpty else {
            throw CommandArguments.ParseError(description: "give \(what) on standard input")
        }
        guard !bytes.contains(UInt8(ascii: "\n")), !bytes.contains(UInt8(ascii: "\r")) else {
            throw CommandArguments.ParseError(
                description: "standard input holds more than one line; give \(what) alone, on one line"
            )
        }
        let blanks: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t")]
        guard let first = bytes.first, let last = bytes.last, !blanks.contains(first), !blanks.contains(last) else {
            throw CommandArguments.ParseError(
                description: "\(what) on standard input starts or ends with a space or tab; give it without them"
            )
        }
    }
}
