/// What a verification code looks like when it arrives, channel by channel. The sandbox writes
/// every text in English, whatever the locale.
enum VerificationText {
    /// The text that carries `code` from the service called `name` on `channel`.
    static func body(channel: String, name: String, code: String) -> String {
        switch channel {
        case "call":
            let spoken = code.map(String.init).joined(separator: ", ")
            return "This is \(name). Your verification code is \(spoken). Once more: \(spoken)."
        case "email":
            return "Your \(name) verification code is \(code). It expires in 10 minutes."
        case "whatsapp":
            return "\(code) is your \(name) verification code. Do not share it with anyone."
        default:
            return "\(name): your verification code is \(code)"
        }
    }

    /// The sender an email shows: `Name <address>`, the address alone, or the sandbox's own.
    static func emailSender(_ settings: VerificationDraft.EmailSettings?, name: String) -> String {
        let address = settings?.from ?? "verify@sandbox.invalid"
        let displayName = settings?.fromName ?? name
        return "\(displayName) <\(address)>"
    }
}
