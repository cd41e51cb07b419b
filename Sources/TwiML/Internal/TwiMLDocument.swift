/// Writes a whole document: the declaration twilio-python prepends, then the root element.
enum TwiMLDocument {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#

    static func write(_ root: TwiMLElement, includingDeclaration: Bool) throws(TwiMLError) -> String {
        var writer = XMLWriter()
        try writer.write(root)
        return (includingDeclaration ? declaration : "") + writer.output
    }
}
