/// Masks personal data before it reaches a log line.
public enum Redaction {
    /// Keeps a phone number's first four and last two characters, such as `+155*****67`.
    public static func phoneNumber(_ number: String) -> String {
        let characters = Array(number)
        guard characters.count > 6 else {
            return String(repeating: "*", count: characters.count)
        }
        let masked = String(repeating: "*", count: characters.count - 6)
        return String(characters.prefix(4)) + masked + String(characters.suffix(2))
    }
}
