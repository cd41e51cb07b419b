/// Reads the key out of an `authorization` value in the Bearer scheme, `Bearer <key>`, the same
/// way for the RPC metadata entry and the HTTP `Authorization` header.
///
/// Spaces and tabs at either end of the value are not part of it (HTTP's optional whitespace
/// around a field value, which RPC metadata gets alike), the scheme's name may be in any case,
/// and one or more spaces or tabs separate it from the key.
public enum BearerCredential {
    /// The key `value` carries, not yet checked for the shape of one.
    ///
    /// - Parameter value: An `authorization` value as the caller sent it.
    /// - Returns: The text after the scheme, without surrounding spaces and tabs; never empty.
    /// - Throws: ``RPCAccessRefusal/missingKey`` for a value of nothing but whitespace,
    ///   ``RPCAccessRefusal/wrongScheme`` for a value in another scheme (such as
    ///   `Basic …`, or a key with no scheme), ``RPCAccessRefusal/emptyKey`` for `Bearer` with
    ///   nothing after it, and ``RPCAccessRefusal/schemeTwice`` for `Bearer Bearer <key>`, a key
    ///   kept with the scheme in front of it.
    public static func key(in value: String) throws(RPCAccessRefusal) -> Substring {
        let (scheme, rest) = firstWord(of: Substring(value))
        guard !scheme.isEmpty else {
            throw .missingKey
        }
        guard scheme.lowercased() == "bearer" else {
            throw .wrongScheme
        }
        guard !rest.isEmpty else {
            throw .emptyKey
        }
        guard firstWord(of: rest).word.lowercased() != "bearer" else {
            throw .schemeTwice
        }
        return rest
    }

    /// Whether `character` is whitespace as HTTP means it around and inside a field value.
    private static func isBlank(_ character: Character) -> Bool {
        character == " " || character == "\t"
    }

    /// The first word of `text` (spaces and tabs around it dropped) and the rest of `text`,
    /// likewise without the spaces and tabs at its ends.
    private static func firstWord(of text: Substring) -> (word: Substring, rest: Substring) {
        let value = trimmed(text)
        let end = value.firstIndex(where: isBlank) ?? value.endIndex
        return (value[..<end], trimmed(value[end...]))
    }

    /// `text` without the spaces and tabs at either end.
    private static func trimmed(_ text: Substring) -> Substring {
        let start = text.firstIndex { !isBlank($0) } ?? text.endIndex
        let end = text[start...].lastIndex { !isBlank($0) }.map(text.index(after:)) ?? start
        return text[start..<end]
    }
}
