extension PhoneNumberFormat {
    /// A number as the API formats it for display: `(415) 555-0100` for a North American
    /// `+1` number, anything else unchanged.
    static func display(_ number: String) -> String {
        let digits = Array(number.utf8.dropFirst())
        guard number.hasPrefix("+1"), digits.count == 11, isE164(number) else {
            return number
        }
        let text = String(decoding: digits.dropFirst(), as: UTF8.self)
        let area = text.prefix(3)
        let exchange = text.dropFirst(3).prefix(3)
        let line = text.suffix(4)
        return "(\(area)) \(exchange)-\(line)"
    }
}
