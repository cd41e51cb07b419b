/// The shape every TwiML answer must have: optional whitespace and XML declaration, then a
/// `<Response>` element that closes at the end of the text (or `<Response/>`).
enum TwiMLShape {
    /// Whether `text` looks like a TwiML `<Response>` document.
    static func isResponseDocument(_ text: String) -> Bool {
        var rest = Substring(text).drop { $0.isWhitespace }
        while rest.last?.isWhitespace == true {
            rest = rest.dropLast()
        }
        if rest.hasPrefix("<?xml") {
            guard let end = rest.indices.first(where: { rest[$0...].hasPrefix("?>") }) else {
                return false
            }
            rest = rest[end...].dropFirst(2).drop { $0.isWhitespace }
        }
        guard rest.hasPrefix("<Response") else {
            return false
        }
        let afterName = rest.dropFirst("<Response".count)
        guard let next = afterName.first, next == ">" || next == "/" || next.isWhitespace else {
            return false
        }
        let openEnd = afterName.firstIndex(of: ">").map { afterName[..<$0] }
        if let openTag = openEnd, openTag.hasSuffix("/") {
            return afterName.index(after: openTag.endIndex) == afterName.endIndex
        }
        return rest.hasSuffix("</Response>")
    }
}
