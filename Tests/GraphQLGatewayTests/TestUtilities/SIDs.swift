/// SIDs shaped like Twilio's: a two-letter prefix and 32 lowercase hex digits.
enum SIDs {
    static let message = "SM" + hex("1")
    static let messagingService = "MG" + hex("2")
    static let verifyService = "VA" + hex("3")
    static let verification = "VE" + hex("4")
    static let call = "CA" + hex("5")
    static let account = "AC" + hex("6")

    private static func hex(_ digit: Character) -> String {
        "0123456789abcdef0123456789abcde" + String(digit)
    }
}
