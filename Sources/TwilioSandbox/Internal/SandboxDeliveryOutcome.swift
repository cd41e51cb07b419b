/// How a message's trip to the handset ends, decided by its destination (see ``SandboxMessage``).
enum SandboxDeliveryOutcome: Sendable, Equatable {
    /// The carrier confirms delivery.
    case delivered
    /// The carrier reports after `sent` that the message did not arrive.
    case undelivered(code: Int, message: String)
    /// The message never leaves Twilio: it fails after `sending`.
    case failed(code: Int, message: String)

    /// The outcome for a message to `to` (a number or a channel address).
    static func forRecipient(_ to: String) -> SandboxDeliveryOutcome {
        switch PhoneNumberFormat.address(of: to) {
        case "+15005553003": .undelivered(code: 30003, message: "Unreachable destination handset")
        case "+15005553005": .undelivered(code: 30005, message: "Unknown destination handset")
        case "+15005553006": .undelivered(code: 30006, message: "Landline or unreachable carrier")
        case "+15005553007": .undelivered(code: 30007, message: "Message filtered")
        case "+15005553008": .failed(code: 30008, message: "Unknown error")
        default: .delivered
        }
    }
}
