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

    /// Masks every phone number in free text, such as an error message that quotes one.
    ///
    /// A phone number is a run of digits that may hold spaces, dots, dashes and parentheses
    /// between them: with a leading `+` it needs at least 7 digits, without one at least 10
    /// (so error codes, dates and short codes stay readable).
    public static func phoneNumbers(in text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            guard let end = phoneRunEnd(characters, from: index) else {
                result.append(characters[index])
                index += 1
                continue
            }
            result += phoneNumber(String(characters[index..<end]))
            index = end
        }
        return result
    }

    /// Where a phone-number-like run starting at `start` ends, or `nil` when none starts there.
    private static func phoneRunEnd(_ characters: [Character], from start: Int) -> Int? {
        let first = characters[start]
        guard first == "+" || first == "(" || first.isASCIIDigit else {
            return nil
        }
        if start > 0, characters[start - 1].isASCIIDigit || characters[start - 1].isLetter {
            return nil
        }
        var digits = 0
        var lastDigitEnd = start
        var index = start + (first == "+" ? 1 : 0)
        while index < characters.count {
            let character = characters[index]
            if character.isASCIIDigit {
                digits += 1
                lastDigitEnd = index + 1
            } else if !" .-()".contains(character) {
                break
            }
            index += 1
        }
        let needed = first == "+" ? 7 : 10
        return digits >= needed && digits <= 17 ? lastDigitEnd : nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool {
        isASCII && isNumber
    }
}
