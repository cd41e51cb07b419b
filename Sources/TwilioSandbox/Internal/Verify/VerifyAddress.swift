/// The recipients Verify accepts, and the key under which the sandbox files them.
enum VerifyAddress {
    /// Whether `text` looks like an email address: one `@` with text before it, and a domain
    /// after it with a dot inside, no spaces anywhere.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(" ") else {
            return false
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// The inbox key of `address`: an email address in lowercase, a phone number without a
    /// channel prefix (`whatsapp:+1…` and `+1…` reach the same phone).
    static func key(_ address: String) -> String {
        address.contains("@") ? address.lowercased() : PhoneNumberFormat.address(of: address)
    }
}
