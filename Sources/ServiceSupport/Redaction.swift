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

    /// Masks every phone number in free text, such as an error message that quotes one: a `+`
    /// followed by 7 to 15 digits, or a run of 10 to 15 digits.
    public static func phoneNumbers(in text: String) -> String {
        var result = ""
        var run = ""
        func flush() {
            let digits = run.hasPrefix("+") ? run.count - 1 : run.count
            let isNumber = run.hasPrefix("+") ? (7...15).contains(digits) : (10...15).contains(digits)
            result += isNumber ? phoneNumber(run) : run
            run = ""
        }
        for character in text {
            if character.isASCII, character.isNumber {
                run.append(character)
            } else if character == "+", run.isEmpty {
                run.append(character)
            } else {
                flush()
                if character == "+" {
                    run.append(character)
                } else {
                    result.append(character)
                }
            }
        }
        flush()
        return result
    }
}
