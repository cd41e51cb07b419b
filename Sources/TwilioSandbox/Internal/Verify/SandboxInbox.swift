/// What reached one phone or email address: the Verify codes sent there and the messages sent
/// to it through the Messages API, oldest first.
struct SandboxInbox: Sendable {
    let state: SandboxState
    let store: VerifyStore

    /// The deliveries to `address`, of one account or of all.
    ///
    /// A phone number matches with or without a channel prefix (`whatsapp:+1…` is the phone
    /// `+1…`); an email address matches in any case.
    func deliveries(to address: String, accountSID: String?) -> [SandboxDelivery] {
        let key = VerifyAddress.key(address)
        let messages = state.messages { message in
            VerifyAddress.key(message.to) == key && (accountSID == nil || message.accountSID == accountSID)
        }
        let texts = messages.map { message in
            SandboxDelivery(
                sid: message.sid,
                accountSID: message.accountSID,
                channel: message.to.hasPrefix("whatsapp:") ? "whatsapp" : (message.mediaURLs.isEmpty ? "sms" : "mms"),
                to: message.to,
                from: message.from,
                body: message.body,
                date: message.dateCreated
            )
        }
        let codes = store.deliveries(toKey: key, accountSID: accountSID)

        return (codes + texts).enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
    }
}
